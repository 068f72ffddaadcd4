package dev.courier.application.dispatch;

import dev.courier.domain.DispatchPrecedence;
import dev.courier.infrastructure.persistence.TaskEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Gives tasks their dispatch message, in the caller's transaction. A task gets a message only
 * when its queue runs and has a dispatch slot for it within the reservation window; the message
 * is due at that slot. Any other task is held in the database, without a message, until the
 * {@link Promoter} finds it a slot. Each new message (or hold) moves the task's generation on,
 * so any older message it still has becomes stale.
 */
@ApplicationScoped
public class Enqueuer {

    @Inject
    DispatchLimiter limiter;

    @Inject
    DispatchBroker broker;

    @Inject
    Clock clock;

    /**
     * Enqueues a task at its schedule time. A queue holding a backlog in the database takes new
     * due tasks behind it, so the promoter's oldest-first order is kept.
     */
    public void enqueue(TaskEntity task, QueueSettings queue) {
        Instant now = clock.instant();
        boolean dueWithinWindow = !task.scheduleTime().isAfter(limiter.horizon(now));
        if (queue.running() && dueWithinWindow && !limiter.isHoldingBacklog(queue.name())) {
            if (promote(task, queue, now, now)) {
                return;
            }
            limiter.holdBacklog(queue, now);
        }
        task.hold();
    }

    /**
     * Sends a task at the first slot of its queue at or after its schedule time and
     * {@code earliest}, if there is one within the window; false if there is none.
     */
    boolean promote(TaskEntity task, QueueSettings queue, Instant earliest, Instant now) {
        Instant from = task.scheduleTime().isAfter(earliest) ? task.scheduleTime() : earliest;
        Optional<Reservation> reservation = limiter.reserve(queue, from, now);
        reservation.ifPresent(
                slot -> send(task, slot.slot(), DispatchPrecedence.of(task.scheduleTime(), slot.slot()), slot.epoch()));
        return reservation.isPresent();
    }

    /** RunTask: dispatches now, whatever the queue's state and limits. */
    public void force(TaskEntity task) {
        Instant now = clock.instant();
        task.reschedule(now);
        send(task, now, DispatchPrecedence.FORCED, DispatchOrder.NO_RESERVATION);
    }

    /**
     * Releases a waiting task: sends it now; its slot was taken before it waited. It has waited
     * its turn, so it does not queue again behind other queues' backlogs.
     */
    public void releaseWaiting(TaskEntity task) {
        send(task, clock.instant(), DispatchPrecedence.ON_TIME, limiter.epoch(task.queueName()));
    }

    private void send(TaskEntity task, Instant due, DispatchPrecedence precedence, long epoch) {
        task.newMessage(due);
        boolean forced = precedence == DispatchPrecedence.FORCED;
        broker.schedule(
                new DispatchOrder(task.queueName(), task.id(), task.generation(), forced, epoch), due, precedence);
    }
}
