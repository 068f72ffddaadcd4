package dev.courier.infrastructure.persistence;

import static dev.courier.logging.CourierLogger.LOG;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Group commit: callers hand in a write and wait; one committer thread takes every write waiting
 * at that moment (at most {@code maxBatch}) and applies them in one transaction, through the
 * given function, which answers each write at its index. A batch grows with the load, and a lone
 * write still commits at once.
 *
 * <p>Why: on H2 every commit is a store write that serializes each page the transaction changed
 * under a store-wide lock, so the database's commit rate, not its work, capped throughput. A
 * batch pays for one commit.
 *
 * <p>If the batch's transaction fails, every caller in it gets {@link BatchFailed} and does its
 * write alone, so one bad write (or a lock conflict) never fails the others.
 *
 * @param <W> a write
 * @param <A> the answer to one write
 */
public final class GroupCommit<W, A> {

    /** How long a caller waits for its batch before giving up (its transaction then rolls back). */
    private static final long WAIT_SECONDS = 60;

    private final String name;
    private final int maxBatch;
    private final Function<List<W>, List<A>> commitAll;
    private final BlockingQueue<Pending<W, A>> pending = new LinkedBlockingQueue<>();
    private final Thread committer;
    private volatile boolean running = true;

    public GroupCommit(String name, int maxBatch, Function<List<W>, List<A>> commitAll, ThreadFactory threads) {
        this.name = name;
        this.maxBatch = maxBatch;
        this.commitAll = commitAll;
        this.committer = threads.newThread(this::commitBatches);
        committer.setName("courier-" + name);
        committer.start();
    }

    /** Applies the write in the next batch; returns its answer once the batch has committed. */
    public A submit(W write) throws BatchFailed {
        try {
            return submitAsync(write).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!running) {
                throw new IllegalStateException("Courier is stopping; " + name + " write not applied", e.getCause());
            }
            throw new BatchFailed();
        } catch (TimeoutException e) {
            throw new IllegalStateException(name + ": batch not committed within " + WAIT_SECONDS + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    /**
     * Applies the write in the next batch without waiting for it. The answer completes on the
     * committer's thread, so whatever follows it there must be quick; it fails if the batch does.
     */
    public CompletableFuture<A> submitAsync(W write) {
        if (!running) {
            throw new IllegalStateException("Courier is stopping; " + name + " write not applied");
        }
        Pending<W, A> request = new Pending<>(write, new CompletableFuture<>());
        pending.add(request);
        return request.answer();
    }

    /** Writes handed in and not yet taken into a batch. */
    public int queued() {
        return pending.size();
    }

    /** Stops the committer; writes still waiting fail (their callers' transactions roll back). */
    public void stop() {
        running = false;
        committer.interrupt();
        List<Pending<W, A>> left = new ArrayList<>();
        pending.drainTo(left);
        left.forEach(
                request -> request.answer().completeExceptionally(new IllegalStateException("Courier is stopping")));
    }

    private void commitBatches() {
        List<Pending<W, A>> batch = new ArrayList<>(maxBatch);
        while (running) {
            try {
                batch.add(pending.take());
                pending.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                batch.clear();
            }
        }
    }

    private void commit(List<Pending<W, A>> batch) {
        try {
            List<A> answers = commitAll.apply(batch.stream().map(Pending::write).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            LOG.batchFailed(batch.size(), name, e);
            batch.forEach(request -> request.answer().completeExceptionally(e));
        }
    }

    private record Pending<W, A>(W write, CompletableFuture<A> answer) {}

    /** The write's batch rolled back; the caller applies its write alone. */
    public static final class BatchFailed extends Exception {
        BatchFailed() {
            super(null, null, false, false);
        }
    }
}
