package dev.courier.infrastructure;

import dev.courier.application.DispatchLimiter;
import dev.courier.application.WaitingTasks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Every 100 ms: refills the queues' token buckets and lets throttled queues recover. Every
 * second: sends tasks found waiting for a concurrency slot that has since freed up (after a
 * restart, or when a wake-up was missed).
 */
@Singleton
@Startup
public class LimiterTimer {

    static final long TICK_MILLIS = 100;
    static final int TICKS_PER_WAITING_CHECK = 10;

    @Resource
    TimerService timers;
    @Inject
    DispatchLimiter limiter;
    @Inject
    WaitingTasks waitingTasks;
    @Inject
    Clock clock;

    private int ticks;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(TICK_MILLIS, TICK_MILLIS, new TimerConfig("courier-limiter", false));
    }

    @Timeout
    void tick() {
        limiter.tick(clock.instant());
        if (++ticks % TICKS_PER_WAITING_CHECK == 0) {
            waitingTasks.releaseWhereSlotsAreFree();
        }
    }
}
