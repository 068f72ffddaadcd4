package dev.courier.application.dispatch;

import dev.courier.domain.AttemptResult;
import dev.courier.infrastructure.persistence.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The {@link DispatchLedger} on the database. Attempt starts and successes go through
 * {@link GroupCommit}: concurrent dispatches share one transaction instead of one commit each.
 *
 * <p>What each write means is unchanged by batching. A start is recorded before its HTTP call
 * (the dispatch count includes the attempt in flight, the lease is set). A success deletes the
 * task. A failed attempt's outcome is not batched: it commits with its retry's new message, in a
 * transaction of its own; nor is a success whose batch failed.
 */
@ApplicationScoped
public class BatchingLedger implements DispatchLedger {

    /** Writes per transaction: bounds the rows a batch locks and how long one commit takes. */
    static final int MAX_BATCH = 128;

    @Inject
    AttemptLedger attempts;

    @Inject
    Promoter promoter;

    @Inject
    WaitingTasks waitingTasks;

    @Inject
    OutcomeThreads threads;

    @Resource
    ManagedThreadFactory threadFactory;

    /*
     * Starts and successes have a committer each: a start and a success never touch the same task
     * at once, and with one thread for both, 1,000 dispatches in flight (a start and a success
     * each every 2 ms) queued behind it.
     */
    private GroupCommit<LedgerEntry, Optional<Attempt>> starts;
    private GroupCommit<LedgerEntry, Optional<Attempt>> successes;

    @PostConstruct
    void startCommitters() {
        starts = new GroupCommit<>("dispatch-starts", MAX_BATCH, entries -> attempts.recordAll(entries), threadFactory);
        successes = new GroupCommit<>(
                "dispatch-successes", MAX_BATCH, entries -> attempts.recordAll(entries), threadFactory);
    }

    @PreDestroy
    void stopCommitters() {
        starts.stop();
        successes.stop();
    }

    @Override
    public Optional<Attempt> start(DispatchOrder order) {
        try {
            return starts.submit(new LedgerEntry.Start(order));
        } catch (GroupCommit.BatchFailed e) {
            return attempts.start(order);
        }
    }

    @Override
    public CompletionStage<Void> finish(Attempt attempt, AttemptResult result, boolean releaseWaiting) {
        if (!result.isSuccess()) {
            return CompletableFuture.runAsync(() -> attempts.finish(attempt, result, releaseWaiting), threads);
        }
        return successes
                .submitAsync(new LedgerEntry.Success(attempt, result, releaseWaiting))
                .<Void>thenApply(answer -> null)
                // the batch rolled back: recorded alone, off the committer's thread
                .exceptionallyAsync(
                        batchFailed -> {
                            attempts.finish(attempt, result, releaseWaiting);
                            return null;
                        },
                        threads);
    }

    @Override
    public void hold(DispatchOrder order) {
        promoter.hold(order);
    }

    @Override
    public void addWaiting(DispatchOrder order) {
        waitingTasks.add(order);
    }
}
