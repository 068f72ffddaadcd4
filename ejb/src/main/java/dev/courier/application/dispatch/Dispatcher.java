package dev.courier.application.dispatch;

import static dev.courier.logging.CourierLogger.LOG;

import dev.courier.domain.AttemptResult;
import dev.courier.domain.DispatchPrecedence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Performs one dispatch: admission by the queue's state and limits, then the attempt (record its
 * start, call the worker, record the outcome). Admission runs in the dispatch consumer's
 * transaction, which ends as soon as the attempt's start has committed: the consumer does not wait
 * for the worker, so a few sessions keep thousands of calls in flight. See {@link DispatchLedger}
 * for what commits when.
 *
 * <p>A message normally arrives at the slot its queue's calendar gave it when it was sent. One
 * without a current slot (sent before a rate change or a restart) takes one now and comes back
 * then, or is held if the window is full. A task that finds its queue with its maximum in flight
 * waits, and is released when an attempt of its queue ends; a task of a paused queue is held
 * until it resumes. None of these costs an attempt.
 */
@ApplicationScoped
public class Dispatcher {

    /** Recording an outcome is tried this often: 1 s, then doubling to 64 s, about 15 minutes in all. */
    static final int OUTCOME_TRIES = 20;

    static final Duration OUTCOME_RETRY_DELAY = Duration.ofSeconds(1);

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
    CallsInFlight calls;

    @Inject
    OutcomeThreads threads;

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
        // Room on the node first, so that no task holds its queue's room while it waits for it.
        calls.enter();
        boolean called = false;
        try {
            called = admit(order, queue.get()) && attempt(order);
        } finally {
            if (!called) {
                calls.leave();
            }
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

    /**
     * Starts the attempt and returns once its start has committed; the call to the worker goes on
     * without this thread, and its outcome is recorded on the outcome threads when it ends. False
     * if no call was made (the order was stale).
     */
    private boolean attempt(DispatchOrder order) {
        Optional<Attempt> attempt = Optional.empty();
        try {
            attempt = ledger.start(order);
        } finally {
            if (attempt.isEmpty()) {
                limiter.attemptEnded(order.queueName()); // stale, or the start failed
            }
        }
        attempt.ifPresent(started -> worker.send(started.request())
                .whenCompleteAsync((result, failure) -> ended(started, result, failure), threads));
        return attempt.isPresent();
    }

    private void ended(Attempt attempt, AttemptResult result, Throwable failure) {
        String queueName = attempt.order().queueName();
        // The request is over: its room in flight is free before the outcome is recorded, so a
        // waiting task can be released into it now.
        callEnded(queueName);
        AttemptResult outcome = result != null ? result : AttemptResult.unreachable("Dispatch failed: " + failure);
        if (outcome.isOverload()) {
            limiter.overloaded(queueName, clock.instant(), outcome.retryAfter());
        }
        record(attempt, outcome, limiter.releaseWaiting(queueName), 0);
    }

    /**
     * Records the outcome; if that fails (the database is down), tries again with backoff. A task
     * whose outcome is never recorded runs again once its lease expires (at-least-once).
     */
    private void record(Attempt attempt, AttemptResult outcome, boolean releaseWaiting, int failures) {
        ledger.finish(attempt, outcome, releaseWaiting).whenComplete((done, failure) -> {
            if (failure == null) {
                return;
            }
            if (failures + 1 >= OUTCOME_TRIES) {
                LOG.outcomeLost(attempt.order().queueName(), attempt.taskId(), attempt.number(), failure);
                return;
            }
            Duration delay = OUTCOME_RETRY_DELAY.multipliedBy(1L << Math.min(failures, 6));
            // One line each: during a database outage every call in flight ends up here.
            LOG.outcomeNotRecorded(
                    attempt.order().queueName(), attempt.taskId(), attempt.number(), failure.toString(), delay);
            threads.schedule(() -> record(attempt, outcome, releaseWaiting, failures + 1), delay);
        });
    }

    private void callEnded(String queueName) {
        limiter.attemptEnded(queueName);
        calls.leave();
    }
}
