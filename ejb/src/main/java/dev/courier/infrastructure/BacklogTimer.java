package dev.courier.infrastructure;

import static dev.courier.logging.CourierLogger.LOG;

import dev.courier.application.dispatch.Promoter;
import dev.courier.application.dispatch.Sweeper;
import dev.courier.application.dispatch.WaitingTasks;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Instant;

/**
 * Once after a start: recovers the attempts the previous run left in flight. Every second: promotes held tasks that their queue's reservation window has reached, and sends
 * tasks found waiting for a concurrency slot that has since freed up (after a restart, or when a
 * wake-up was missed). Every 30 seconds: sweeps for tasks whose message or attempt was lost. Each
 * batch commits on its own.
 */
@Singleton
@Startup
public class BacklogTimer {

    static final long TICK_MILLIS = 1000;
    static final int TICKS_PER_SWEEP = 30;

    @Resource
    TimerService timers;

    @Inject
    Promoter promoter;

    @Inject
    Sweeper sweeper;

    @Inject
    WaitingTasks waitingTasks;

    /** Every attempt of this process started after this. */
    private static final Instant PROCESS_START =
            Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    private boolean recoveredEarlierRun;
    private int ticks;
    /** Ticks failed in a row: the first failure is logged with its stack trace, the rest briefly. */
    private int failedTicks;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(TICK_MILLIS, TICK_MILLIS, new TimerConfig("courier-backlog", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            if (!recoveredEarlierRun) {
                sweeper.recoverAttemptsOfEarlierRun(PROCESS_START);
                recoveredEarlierRun = true;
            }
            for (String queueName : promoter.queuesToPromote()) {
                while (promoter.promoteBatch(queueName)) {
                    // one transaction per batch, until the queue's window is full or nothing is due
                }
            }
            waitingTasks.releaseWhereRoom();
            if (++ticks % TICKS_PER_SWEEP == 0) {
                sweeper.sweep();
            }
            if (failedTicks > 0) {
                LOG.backlogTimerRecovered(failedTicks);
                failedTicks = 0;
            }
        } catch (RuntimeException e) {
            // The database is down, most likely; the next tick tries again.
            if (failedTicks++ == 0) {
                LOG.backlogTimerFailed(e);
            } else {
                LOG.backlogTimerFailedAgain(e.toString());
            }
        }
    }
}
