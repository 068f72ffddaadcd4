package dev.courier.application;

import dev.courier.infrastructure.messaging.DispatchMessages;
import dev.courier.infrastructure.messaging.DispatchOrder;
import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Gives tasks a fresh dispatch message, due at their schedule time (or now, if that has passed).
 * Each task's generation moves on, so any older message it still has becomes stale.
 */
@ApplicationScoped
public class Redispatcher {

    private static final int BATCH = 500;

    @Inject
    TaskRepository tasks;
    @Inject
    DispatchMessages messages;
    @Inject
    Clock clock;

    /** Re-enqueues every task of the queue that has no attempt in flight; returns how many. */
    public int redispatchAll(String queueName) {
        Instant now = clock.instant();
        int count = 0;
        long after = 0;
        List<TaskEntity> batch;
        do {
            batch = tasks.idlePage(queueName, after, BATCH);
            for (TaskEntity task : batch) {
                after = task.id();
                tasks.lock(task);
                if (!task.isInFlight()) {
                    redispatch(task, task.scheduleTime().isBefore(now) ? now : task.scheduleTime(), false);
                    count++;
                }
            }
        } while (batch.size() == BATCH);
        return count;
    }

    /** Moves one task to {@code due} and sends its message; a forced one ignores pause and limits. */
    public void redispatch(TaskEntity task, Instant due, boolean forced) {
        task.reschedule(due);
        messages.schedule(new DispatchOrder(task.queueName(), task.id(), task.generation(), forced, false), due);
    }

    /** Sends a task that waited for a concurrency slot (its rate token already taken) now. */
    public void releaseWaiting(TaskEntity task) {
        task.renewGeneration();
        messages.schedule(new DispatchOrder(task.queueName(), task.id(), task.generation(), false, true), clock.instant());
    }
}
