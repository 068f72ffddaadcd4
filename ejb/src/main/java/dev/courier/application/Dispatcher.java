package dev.courier.application;

import dev.courier.domain.AttemptResult;
import dev.courier.domain.DispatchPrecedence;
import dev.courier.infrastructure.http.WorkerClient;
import dev.courier.infrastructure.messaging.DispatchMessages;
import dev.courier.infrastructure.messaging.DispatchOrder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Performs one dispatch: admission by the queue's limits, then the attempt (record its start,
 * call the worker, record the outcome). Runs in the dispatch consumer's transaction; see
 * {@link AttemptLedger} for what commits when.
 *
 * <p>A message normally arrives at the slot its queue's calendar gave it when it was sent. One
 * without a current slot (sent before a rate change or a restart) takes one now and comes back
 * then, or is held in the database if the window is full. A task that finds every concurrency
 * slot taken is parked in the database and sent again when an attempt of its queue ends; a task
 * of a paused queue is held until it resumes. None of these costs an attempt.
 *
 * <p>A CDI bean, not a pooled EJB: it is held for the whole HTTP call, so an EJB instance pool
 * would cap the node's concurrent dispatches. It runs in the caller's (the consumer's) transaction.
 */
@ApplicationScoped
public class Dispatcher {

    @Inject
    AttemptLedger ledger;
    @Inject
    LedgerBatcher batcher;
    @Inject
    WorkerClient worker;
    @Inject
    QueueSettingsCache settings;
    @Inject
    DispatchLimiter limiter;
    @Inject
    DispatchMessages messages;
    @Inject
    Clock clock;

    public void dispatch(DispatchOrder order) {
        Optional<QueueSettings> queue = settings.get(order.queueName());
        if (queue.isPresent() && !queue.get().running() && !order.forced()) {
            // Re-checked at the source before parking: the cached state may predate a resume
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

    /** Whether the task may be dispatched now; if not, it has been deferred, held or parked. */
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
                messages.schedule(order.reservedIn(slot.epoch()), slot.slot(), DispatchPrecedence.of(now, slot.slot()));
                yield false;
            }
            case HOLD -> {
                ledger.hold(order);
                yield false;
            }
            case FULL -> {
                ledger.waitForSlot(order);
                yield false;
            }
        };
    }

    private void attempt(DispatchOrder order) {
        Optional<Attempt> attempt = Optional.empty();
        AttemptResult result = null;
        try {
            attempt = batcher.start(order);
            if (attempt.isPresent()) {
                result = worker.send(attempt.get().request());
            }
        } finally {
            // The request is over: its concurrency slot is free before the outcome is recorded,
            // so a task waiting for a slot can be handed this one now.
            limiter.release(order.queueName());
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
        boolean releaseWaiting = limiter.claimWaiting(queueName);
        if (result.isSuccess()) {
            batcher.succeeded(attempt, result, releaseWaiting);
            return;
        }
        ledger.finish(attempt, result);
        if (releaseWaiting) {
            ledger.releaseOneWaiting(queueName);
        }
    }
}
