package dev.courier.application;

import dev.courier.infrastructure.persistence.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/** The safety net for tasks parked for a concurrency slot: release them where slots are free. */
@Stateless
public class WaitingTasks {

    @Inject
    TaskRepository tasks;
    @Inject
    QueueSettingsCache settings;
    @Inject
    DispatchLimiter limiter;
    @Inject
    AttemptLedger ledger;
    @Inject
    Clock clock;

    public void releaseWhereSlotsAreFree() {
        Instant now = clock.instant();
        for (String queueName : tasks.queuesWithWaitingTasks()) {
            settings.get(queueName).filter(QueueSettings::running).ifPresent(queue -> {
                int free = limiter.freeSlots(queue, now);
                if (free > 0) {
                    ledger.releaseWaiting(queueName, free);
                }
            });
        }
    }
}
