package dev.courier.application.dispatch;

import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Held tasks: rows without a message, because they are due beyond the reservation window, their
 * queue had no slot left in the window, or their queue is paused (see {@link Enqueuer}). The
 * promoter gives them slots and messages as the window reaches them: earliest due first, each at
 * a slot of the queue's calendar, in batches of one transaction.
 */
@Stateless
public class Promoter {

    static final int BATCH = 200;
    /**
     * Slots are taken at least this far ahead: a batch's messages become deliverable only when it
     * commits, and slots that passed meanwhile would all be delivered at once, as a burst.
     */
    static final Duration LEAD = Duration.ofSeconds(1);

    @Inject
    TaskRepository tasks;

    @Inject
    QueueSettingsCache settings;

    @Inject
    DispatchLimiter limiter;

    @Inject
    Enqueuer enqueuer;

    @Inject
    Clock clock;

    /**
     * Holds the order's task (its queue is paused, or has no slot left in the window), in the
     * caller's transaction. A task with an attempt in flight is left alone: its attempt's end
     * decides what comes next.
     */
    public void hold(DispatchOrder order) {
        tasks.findLocked(order.taskRowId(), order.generation())
                .filter(task -> !task.isInFlight())
                .ifPresent(TaskEntity::hold);
    }

    /** The running queues holding tasks due within the reservation window. */
    public List<String> queuesToPromote() {
        List<String> queues = tasks.runningQueuesWithHeldTasksDue(limiter.horizon(clock.instant()));
        limiter.backlogsOnlyIn(Set.copyOf(queues));
        return queues;
    }

    /**
     * Promotes one batch of the queue's held tasks that are due within the window, as far as its
     * calendar has slots. Returns whether there may be more to promote now.
     */
    public boolean promoteBatch(String queueName) {
        Optional<QueueSettings> queue = settings.get(queueName).filter(QueueSettings::running);
        if (queue.isEmpty()) {
            return false;
        }
        Instant now = clock.instant();
        Instant earliest = now.plus(LEAD);
        List<TaskEntity> due = tasks.heldDue(queueName, limiter.horizon(now), BATCH);
        for (TaskEntity task : due) {
            if (task.isHeld() && !enqueuer.promote(task, queue.get(), earliest, now)) {
                return false; // the window is full; the rest wait for the next round
            }
        }
        if (due.size() < BATCH) {
            limiter.backlogPromoted(queueName);
            return false;
        }
        return true;
    }
}
