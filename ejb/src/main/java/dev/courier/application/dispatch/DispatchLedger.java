package dev.courier.application.dispatch;

import dev.courier.domain.AttemptResult;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * What dispatch writes to the database (a port, so that the dispatcher's decisions can be tested
 * without one). The database is the source of truth: an attempt's start commits before its worker
 * is called, and from then on the attempt's lease, not the broker's message, keeps the task safe.
 * Holding a task and making it wait join the dispatch consumer's transaction, so they commit
 * together with the ack of the message.
 */
public interface DispatchLedger {

    /**
     * Starts an attempt of the task the order names (dispatch count, lease), committed when this
     * returns; empty when the order is stale (task deleted or rescheduled since) or the queue is
     * gone.
     */
    Optional<Attempt> start(DispatchOrder order);

    /**
     * Records how an attempt ended, in a transaction of its own, and completes once that has
     * committed (or fails, and nothing was written): a success deletes the task, a failure
     * schedules its retry by the queue's retry config or gives it up. With {@code releaseWaiting},
     * one task of the queue that is waiting for room in flight is released into the room the
     * attempt left.
     */
    CompletionStage<Void> finish(Attempt attempt, AttemptResult result, boolean releaseWaiting);

    /** Holds the order's task in the database, without a message, until the promoter gives it a slot. */
    void hold(DispatchOrder order);

    /** Marks the order's task as waiting: its queue has no room in flight; no message until it has. */
    void addWaiting(DispatchOrder order);
}
