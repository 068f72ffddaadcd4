package dev.courier.application;

import dev.courier.domain.AttemptResult;
import dev.courier.infrastructure.messaging.DispatchOrder;

/** One write of a batch the {@link LedgerBatcher} commits: an attempt's start, or its success. */
sealed interface LedgerEntry {

    DispatchOrder order();

    /** Start the attempt of the task the message names (see {@link AttemptLedger#start}). */
    record Start(DispatchOrder order) implements LedgerEntry {
    }

    /**
     * The attempt's worker answered 2xx: the task is done and deleted; with
     * {@code releaseWaiting}, one task of the queue waiting for a concurrency slot takes the freed
     * slot (done here, where one thread does it for a whole batch, rather than by each finishing
     * dispatch, which made them all queue for the lock on the same waiting row).
     */
    record Success(Attempt attempt, AttemptResult result, boolean releaseWaiting) implements LedgerEntry {

        @Override
        public DispatchOrder order() {
            return attempt.order();
        }
    }
}
