package dev.courier.application.dispatch;

import dev.courier.domain.AttemptResult;
import dev.courier.domain.DispatchPrecedence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Performs one dispatch: admission by the queue's state and limits, then the attempt (record its
 * start, call the worker, record the outcome). Runs in the dispatch consumer's transaction; see
 * {@link DispatchLedger} for what commits when.
 *
 * <p>A message normally arrives at the slot its queue's calendar gave it when it was sent. One
 * without a current slot (sent before a rate change or a restart) takes one now and comes back
 * then, or is held if the window is full. A task that finds its queue with its maximum in flight
 * waits, and is released when an attempt of its queue ends; a task of a paused queue is held
 * until it resumes. None of these costs an attempt.
 *
 * <p>A CDI bean, not a pooled EJB: it is held for the whole HTTP call, so an EJB instance pool
 * would cap the node's concurrent dispatches.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    DispatchLedger ledger;

    @Inject
    Worker worker;

    @Inject
    DispatchBroker broker;

    @Inject
    QueueSettingsCache settings;

    @Inject
    DispatchLimiter limiter;

    @Inject
    Clock clock;

    public void dispatch(DispatchOrder order) {
        Optional<QueueSettings> queue = settings.get(order.queueName());
        if (queue.isPresent() && !queue.get().running() && !order.forced()) {
            // Re-checked at the source before holding: the cached state may predate a resume
            // whose messages are arriving now.
            queue = settings.reload(order.queueName());
        }
        if (queue.isEmpty()) {
            return; // the queue was deleted: the message is stale
        }
        if (admit(order, queue.get())) {
            attempt(order);
        }
    }

    /** Whether the task may be dispatched now; if not, it has been deferred, held or made to wait. */
    private boolean admit(DispatchOrder order, QueueSettings queue) {
        Instant now = clock.instant();
        if (order.forced()) {
            limiter.forceAdmit(queue, now);
            return true;
        }
        if (!queue.running()) {
            ledger.hold(order); // the promoter sends it again once the queue resumes
            return false;
        }
        Admission admission = limiter.admit(queue, order.reservedEpoch(), now);
        return switch (admission.kind()) {
            case ADMITTED -> true;
            case DEFERRED -> {
                Reservation slot = admission.reservation();
                // The message came due now, so its slot's distance from now says whether it is behind.
                broker.schedule(order.reservedIn(slot.epoch()), slot.slot(), DispatchPrecedence.of(now, slot.slot()));
                yield false;
            }
            case HOLD -> {
                ledger.hold(order);
                yield false;
            }
            case WAIT -> {
                ledger.addWaiting(order);
                yield false;
            }
        };
    }

    private void attempt(DispatchOrder order) {
        Optional<Attempt> attempt = Optional.empty();
        AttemptResult result = null;
        try {
            attempt = ledger.start(order);
            if (attempt.isPresent()) {
                result = worker.send(attempt.get().request());
            }
        } finally {
            // The request is over: its room in flight is free before the outcome is recorded, so
            // a waiting task can be released into it now.
            limiter.attemptEnded(order.queueName());
        }
        if (attempt.isPresent()) {
            record(attempt.get(), result);
        }
    }

    private void record(Attempt attempt, AttemptResult result) {
        String queueName = attempt.order().queueName();
        if (result.isOverload()) {
            limiter.overloaded(queueName, clock.instant(), result.retryAfter());
        }
        ledger.finish(attempt, result, limiter.releaseWaiting(queueName));
    }
}
