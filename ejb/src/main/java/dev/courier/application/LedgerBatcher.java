package dev.courier.application;

import dev.courier.domain.AttemptResult;
import dev.courier.infrastructure.messaging.DispatchOrder;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Records attempt starts and successes by {@link GroupCommit}: concurrent dispatches share one
 * transaction instead of one commit each.
 *
 * <p>What each write means is unchanged. A start is recorded before its HTTP call (the dispatch
 * count includes the attempt in flight, the lease is set). A success deletes the task before its
 * message is acknowledged: a crash in between redelivers a message whose task is gone, which is
 * dropped as stale. A failed attempt's outcome is not batched: its retry message must commit with
 * it, in the consumer's transaction.
 */
@ApplicationScoped
public class LedgerBatcher {

    /** Writes per transaction: bounds the rows a batch locks and how long one commit takes. */
    static final int MAX_BATCH = 128;

    @Inject
    AttemptLedger ledger;
    @Resource
    ManagedThreadFactory threads;

    /*
     * Starts and successes have a committer each: a start and a success never touch the same task
     * at once, and with one thread for both, 1,000 dispatches in flight (a start and a success
     * each every 2 ms) queued behind it.
     */
    private GroupCommit<LedgerEntry, Optional<Attempt>> starts;
    private GroupCommit<LedgerEntry, Optional<Attempt>> successes;

    @PostConstruct
    void startCommitters() {
        starts = new GroupCommit<>("dispatch-starts", MAX_BATCH, entries -> ledger.recordAll(entries), threads);
        successes = new GroupCommit<>("dispatch-successes", MAX_BATCH, entries -> ledger.recordAll(entries), threads);
    }

    @PreDestroy
    void stopCommitters() {
        starts.stop();
        successes.stop();
    }

    /**
     * Starts an attempt of the task the message names, or returns empty when the message is stale;
     * see {@link AttemptLedger#start}. Returns once the start has committed.
     */
    public Optional<Attempt> start(DispatchOrder order) {
        try {
            return starts.submit(new LedgerEntry.Start(order));
        } catch (GroupCommit.BatchFailed e) {
            return ledger.start(order);
        }
    }

    /**
     * Records that the attempt's worker answered 2xx, deleting the task, and with
     * {@code releaseWaiting} sends one of the queue's tasks waiting for a concurrency slot; returns
     * once committed. If its batch failed, this is done in the caller's transaction instead.
     */
    public void succeeded(Attempt attempt, AttemptResult result, boolean releaseWaiting) {
        try {
            successes.submit(new LedgerEntry.Success(attempt, result, releaseWaiting));
        } catch (GroupCommit.BatchFailed e) {
            ledger.finish(attempt, result);
            if (releaseWaiting) {
                ledger.releaseOneWaiting(attempt.order().queueName());
            }
        }
    }
}
