package dev.courier.infrastructure;

import dev.courier.application.dispatch.DispatchLimiter;
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
 * Every 100 ms: moves the queues' dispatch calendars (their token buckets) on and lets throttled
 * queues recover. Memory only; the database work runs on {@link BacklogTimer}.
 */
@Singleton
@Startup
public class LimiterTimer {

    static final long TICK_MILLIS = 100;

    @Resource
    TimerService timers;

    @Inject
    DispatchLimiter limiter;

    @Inject
    Clock clock;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(TICK_MILLIS, TICK_MILLIS, new TimerConfig("courier-limiter", false));
    }

    @Timeout
    void tick() {
        limiter.tick(clock.instant());
    }
}
