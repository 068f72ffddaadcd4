package dev.courier.application.dispatch;

import dev.courier.domain.AttemptResult;
import java.util.Optional;

/**
 * What dispatch writes to the database (a port, so that the dispatcher's decisions can be tested
 * without one). The database is the source of truth: an attempt's start commits before its worker
 * is called, and everything else joins the dispatch consumer's transaction, so it commits together
 * with the ack of the message (and any new message sent for the task).
 */
public interface DispatchLedger {

    /**
     * Starts an attempt of the task the order names (dispatch count, lease), committed when this
     * returns; empty when the order is stale (task deleted or rescheduled since) or the queue is
     * gone.
     */
    Optional<Attempt> start(DispatchOrder order);

    /**
     * Records how an attempt ended: a success deletes the task, a failure schedules its retry by
     * the queue's retry config or gives it up. With {@code releaseWaiting}, one task of the queue
     * that is waiting for room in flight is released into the room the attempt left.
     */
    void finish(Attempt attempt, AttemptResult result, boolean releaseWaiting);

    /** Holds the order's task in the database, without a message, until the promoter gives it a slot. */
    void hold(DispatchOrder order);

    /** Marks the order's task as waiting: its queue has no room in flight; no message until it has. */
    void addWaiting(DispatchOrder order);
}
