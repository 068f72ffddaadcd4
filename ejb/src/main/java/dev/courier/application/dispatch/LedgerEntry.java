package dev.courier.application.dispatch;

import dev.courier.domain.AttemptResult;

/** One write of a batch the {@link BatchingLedger} commits: an attempt's start, or its success. */
sealed interface LedgerEntry {

    DispatchOrder order();

    /** Start the attempt of the task the order names (see {@link AttemptLedger#start}). */
    record Start(DispatchOrder order) implements LedgerEntry {}

    /**
     * The attempt's worker answered 2xx: the task is done and deleted; with
     * {@code releaseWaiting}, one waiting task of the queue is released into the room the attempt
     * left (done here, where one thread does it for a whole batch, rather than by each finishing
     * dispatch, which made them all queue for the lock on the same waiting row).
     */
    record Success(Attempt attempt, AttemptResult result, boolean releaseWaiting) implements LedgerEntry {

        @Override
        public DispatchOrder order() {
            return attempt.order();
        }
    }
}
