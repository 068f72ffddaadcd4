package dev.courier.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final CountDownLatch firstBatchStarted = new CountDownLatch(1);
    private final CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    private GroupCommit<String, String> group;

    @AfterEach
    void stop() {
        group.stop();
        callers.shutdownNow();
    }

    @Test
    void answersEachWriteWithTheAnswerAtItsIndex() throws Exception {
        group = new GroupCommit<>("test", 8, recording(write -> write.toUpperCase()), Thread::new);

        assertEquals("A", group.submit("a"));
        assertEquals("B", group.submit("b"));
        assertEquals(List.of(List.of("a"), List.of("b")), batches);
    }

    @Test
    void writesThatWaitWhileABatchCommitsShareTheNextBatch() throws Exception {
        group = new GroupCommit<>("test", 8, blockingFirstBatch(), Thread::new);

        List<String> answers = fiveWritesWaitingForTheFirstBatch();

        assertEquals(List.of("FIRST", "W1", "W2", "W3", "W4", "W5"), answers);
        assertEquals(2, batches.size(), "one batch for the first write, one for all that waited: " + batches);
        assertEquals(5, batches.get(1).size());
    }

    @Test
    void aBatchHoldsAtMostMaxBatchWrites() throws Exception {
        group = new GroupCommit<>("test", 2, blockingFirstBatch(), Thread::new);

        fiveWritesWaitingForTheFirstBatch();

        assertEquals(List.of(1, 2, 2, 1), batches.stream().map(List::size).toList());
    }

    @Test
    void everyWriteOfAFailedBatchIsToldToWriteAlone() throws Exception {
        group = new GroupCommit<>(
                "test",
                8,
                writes -> {
                    throw new IllegalStateException("lock timeout");
                },
                Thread::new);

        assertThrows(GroupCommit.BatchFailed.class, () -> group.submit("a"));
    }

    @Test
    void theCommitterGoesOnAfterAFailedBatch() throws Exception {
        boolean[] failNext = {true};
        group = new GroupCommit<>(
                "test",
                8,
                writes -> {
                    if (failNext[0]) {
                        failNext[0] = false;
                        throw new IllegalStateException("deadlock");
                    }
                    return writes.stream().map(String::toUpperCase).toList();
                },
                Thread::new);

        assertThrows(GroupCommit.BatchFailed.class, () -> group.submit("a"));
        assertEquals("B", group.submit("b"));
    }

    @Test
    void stoppingFailsTheWritesStillWaiting() throws Exception {
        group = new GroupCommit<>("test", 8, blockingFirstBatch(), Thread::new);
        callers.submit(() -> group.submit("first"));
        assertTrue(firstBatchStarted.await(10, TimeUnit.SECONDS));
        Future<String> waiting = callers.submit(() -> group.submit("second"));
        awaitQueued(1);

        group.stop();

        Exception failure = assertThrows(Exception.class, () -> waiting.get(10, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalStateException, failure.toString());
    }

    @Test
    void aStoppedGroupRefusesNewWritesAtOnce() {
        group = new GroupCommit<>("test", 8, recording(String::toUpperCase), Thread::new);

        group.stop();

        assertThrows(IllegalStateException.class, () -> group.submit("late"));
        assertEquals(List.of(), batches);
    }

    /**
     * Submits "first", and while its batch is open five more writes; then lets the first batch
     * finish. Returns the answers, the first write's first.
     */
    private List<String> fiveWritesWaitingForTheFirstBatch() throws Exception {
        List<Future<String>> writes = new ArrayList<>();
        writes.add(callers.submit(() -> group.submit("first")));
        assertTrue(firstBatchStarted.await(10, TimeUnit.SECONDS));
        for (String write : List.of("w1", "w2", "w3", "w4", "w5")) {
            writes.add(callers.submit(() -> group.submit(write)));
        }
        awaitQueued(5);
        releaseFirstBatch.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> answer : writes) {
            answers.add(answer.get(10, TimeUnit.SECONDS));
        }
        return answers;
    }

    private Function<List<String>, List<String>> recording(Function<String, String> answer) {
        return writes -> {
            batches.add(List.copyOf(writes));
            return writes.stream().map(answer).toList();
        };
    }

    /** Upper-cases each write; the first batch waits for {@link #releaseFirstBatch}. */
    private Function<List<String>, List<String>> blockingFirstBatch() {
        return writes -> {
            batches.add(List.copyOf(writes));
            if (batches.size() == 1) {
                firstBatchStarted.countDown();
                try {
                    releaseFirstBatch.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return writes.stream().map(String::toUpperCase).toList();
        };
    }

    private void awaitQueued(int count) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (group.queued() < count && System.nanoTime() < giveUp) {
            Thread.sleep(5);
        }
        assertEquals(count, group.queued());
    }
}
