package dev.courier.application.dispatch;

import static dev.courier.logging.CourierLogger.LOG;

import dev.courier.infrastructure.persistence.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The safety net under the broker: holds, for the {@link Promoter}, every task whose message is
 * long overdue without having started an attempt (the broker lost it, or moved it to the
 * dead-letter queue after its own redelivery limit) and every task whose attempt's lease expired
 * unfinished. The new generation makes any late copy of the old message stale, so sweeping a
 * task that was merely slow costs a message, never a second dispatch.
 */
@Stateless
public class Sweeper {

    @Inject
    TaskRepository tasks;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "courier.sweeper.grace")
    Duration grace;

    public void sweep() {
        Instant now = clock.instant();
        int lostMessages = tasks.holdOverdue(now.minus(grace));
        int lostAttempts = tasks.holdExpiredLeases(now);
        if (lostMessages + lostAttempts > 0) {
            LOG.swept(lostMessages, grace, lostAttempts);
        }
    }

    /**
     * Once after a start: the attempts that the previous run of this node left in flight will never
     * record an outcome (their calls died with it), so their tasks run again now rather than when
     * their leases expire. One node owns every lease here; a cluster would scope this to the node.
     */
    public void recoverAttemptsOfEarlierRun(Instant processStart) {
        int recovered = tasks.holdAttemptsStartedBefore(processStart);
        if (recovered > 0) {
            LOG.attemptsRecovered(recovered);
        }
    }
}
