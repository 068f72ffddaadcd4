package dev.courier.application.dispatch;

import static dev.courier.application.dispatch.Engine.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.domain.AttemptResult;
import dev.courier.domain.DispatchPrecedence;
import dev.courier.domain.RateLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The dispatcher's decisions, through its ports: admission, the attempt, and what is recorded. */
class DispatcherTest {

    private final Engine engine = new Engine();
    private final FakeLedger ledger = new FakeLedger();
    private final FakeWorker worker = new FakeWorker();
    private final Dispatcher dispatcher = new Dispatcher();
    private final CallsInFlight calls = new CallsInFlight();
    private final InlineThreads threads = new InlineThreads();

    DispatcherTest() {
        calls.max = 64;
        calls.init();
        dispatcher.calls = calls;
        dispatcher.threads = threads;
        dispatcher.ledger = ledger;
        dispatcher.worker = worker;
        dispatcher.broker = engine.broker;
        dispatcher.settings = engine.settings;
        dispatcher.limiter = engine.limiter;
        dispatcher.clock = engine.clock;
    }

    @Test
    void aTaskAtItsSlotIsAttemptedAndItsOutcomeRecorded() {
        engine.queue(true, RateLimits.of(10, 10));

        dispatcher.dispatch(order(1));

        assertEquals(List.of(1L), ledger.started);
        assertEquals(1, worker.calls.size());
        assertEquals(List.of(new Finished(1, 200, false)), ledger.finished);
        assertTrue(engine.broker.sent.isEmpty(), "a success sends no message");
    }

    @Test
    void aMessageWithoutACurrentSlotTakesOneAndComesBackThen() {
        engine.queue(true, RateLimits.of(1, 10)); // burst 1: one goes now, the next a second later

        dispatcher.dispatch(order(1));
        dispatcher.dispatch(order(2));

        assertEquals(List.of(1L), ledger.started, "only the first had a slot now");
        Engine.RecordingBroker.Sent deferred = engine.broker.last();
        assertEquals(2, deferred.order().taskRowId());
        assertEquals(T0.plusSeconds(1), deferred.due());
        assertEquals(
                engine.limiter.epoch(Engine.QUEUE),
                deferred.order().reservedEpoch(),
                "it holds a slot of the current calendar, so it goes without another on its return");
        assertEquals(DispatchPrecedence.BEHIND, deferred.precedence(), "it is a second behind its due time");

        engine.clock.advance(Duration.ofSeconds(1));
        dispatcher.dispatch(deferred.order());
        assertEquals(List.of(1L, 2L), ledger.started);
    }

    @Test
    void aTaskFindingItsQueueAtItsMaximumInFlightWaitsAndIsReleasedWhenAnAttemptEnds() {
        engine.queue(true, RateLimits.of(100, 1));
        worker.during = request -> {
            dispatcher.dispatch(order(2)); // arrives while the first attempt is in flight
            return AttemptResult.answered(200);
        };

        dispatcher.dispatch(order(1));

        assertEquals(List.of(2L), ledger.waiting);
        assertEquals(List.of(1L), ledger.started, "waiting costs no attempt");
        assertEquals(
                List.of(new Finished(1, 200, true)),
                ledger.finished,
                "the ended attempt's room goes to the waiting task");
    }

    @Test
    void aTaskOfAPausedQueueIsHeldWithoutAnAttempt() {
        engine.queue(false, RateLimits.of(10, 10));

        dispatcher.dispatch(order(1));

        assertEquals(List.of(1L), ledger.held);
        assertTrue(ledger.started.isEmpty());
        assertTrue(worker.calls.isEmpty());
    }

    @Test
    void aResumeIsSeenAtOnceEvenIfTheCachedStateIsPaused() {
        engine.queue(false, RateLimits.of(10, 10));
        engine.settings.get(Engine.QUEUE); // cached as paused
        engine.queues.put(Engine.QUEUE, new QueueSettings(Engine.QUEUE, true, RateLimits.of(10, 10)));

        dispatcher.dispatch(order(1));

        assertEquals(List.of(1L), ledger.started);
    }

    @Test
    void runTaskIgnoresPauseAndLimits() {
        engine.queue(false, RateLimits.of(1, 1));

        dispatcher.dispatch(new DispatchOrder(Engine.QUEUE, 1, 1, true, DispatchOrder.NO_RESERVATION));
        dispatcher.dispatch(new DispatchOrder(Engine.QUEUE, 2, 1, true, DispatchOrder.NO_RESERVATION));

        assertEquals(List.of(1L, 2L), ledger.started);
        assertTrue(ledger.held.isEmpty());
    }

    @Test
    void aWorkersRetryAfterHoldsTheQueuesNextAttemptsAndTheFailureIsRecorded() {
        engine.queue(true, RateLimits.of(100, 10));
        worker.answer = request -> AttemptResult.answered(429, T0.plusSeconds(5));

        dispatcher.dispatch(order(1));
        long epoch = engine.limiter.epoch(Engine.QUEUE);
        dispatcher.dispatch(new DispatchOrder(Engine.QUEUE, 2, 1, false, epoch));

        assertEquals(List.of(new Finished(1, 429, false)), ledger.finished);
        assertEquals(List.of(1L), ledger.started, "the second waits for the Retry-After, slot or not");
        assertFalse(engine.broker.last().due().isBefore(T0.plusSeconds(5)));
    }

    @Test
    void aRetryAfterBeyondTheWindowHoldsTheQueuesTasks() {
        engine.queue(true, RateLimits.of(100, 10));
        worker.answer = request -> AttemptResult.answered(503, T0.plusSeconds(60));

        dispatcher.dispatch(order(1));
        dispatcher.dispatch(order(2));

        assertEquals(List.of(2L), ledger.held, "no slot before the Retry-After lies within the window");
    }

    @Test
    void aStaleMessageIsNotSentAndLeavesNoAttemptInFlight() {
        engine.queue(true, RateLimits.of(100, 1));
        ledger.stale.add(1L);

        dispatcher.dispatch(order(1));
        dispatcher.dispatch(order(2));

        assertTrue(ledger.waiting.isEmpty(), "the stale message's room was given back");
        assertEquals(1, worker.calls.size());
        assertEquals(List.of(new Finished(2, 200, false)), ledger.finished);
    }

    @Test
    void aMessageOfADeletedQueueIsDropped() {
        dispatcher.dispatch(order(1));

        assertTrue(ledger.started.isEmpty() && ledger.held.isEmpty() && engine.broker.sent.isEmpty());
    }

    @Test
    void theConsumerDoesNotWaitForTheWorkerAndTheCallKeepsItsRoomUntilItEnds() {
        engine.queue(true, RateLimits.of(100, 1));
        CompletableFuture<AttemptResult> call = new CompletableFuture<>();
        worker.pending = call;

        dispatcher.dispatch(order(1));
        assertEquals(List.of(1L), ledger.started, "the start is recorded before the call");
        assertEquals(1, calls.count(), "the call is in flight after the consumer has returned");
        dispatcher.dispatch(order(2));
        assertEquals(List.of(2L), ledger.waiting, "the queue's one room in flight is taken");

        call.complete(AttemptResult.answered(204));
        assertEquals(List.of(new Finished(1, 204, true)), ledger.finished, "recorded when the answer came");
        assertEquals(0, calls.count());
    }

    @Test
    void anOutcomeThatCannotBeRecordedIsTriedAgainWithBackoff() {
        engine.queue(true, RateLimits.of(100, 10));
        ledger.failingFinishes = 2;

        dispatcher.dispatch(order(1));
        assertTrue(ledger.finished.isEmpty());
        assertEquals(List.of(Duration.ofSeconds(1)), threads.delays);

        threads.runScheduled();
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), threads.delays, "the delay doubles");
        threads.runScheduled();
        assertEquals(List.of(new Finished(1, 200, false)), ledger.finished, "recorded once, when it could be");
        assertEquals(0, calls.count());
    }

    @Test
    void anOutcomeIsGivenUpAfterItsLastTryAndTheLeaseTakesOver() {
        engine.queue(true, RateLimits.of(100, 10));
        ledger.failingFinishes = Integer.MAX_VALUE;

        dispatcher.dispatch(order(1));
        while (threads.runScheduled()) {
            // each try schedules the next, until the last
        }

        assertEquals(Dispatcher.OUTCOME_TRIES - 1, threads.delays.size());
        assertEquals(Duration.ofSeconds(64), threads.delays.get(threads.delays.size() - 1), "the delay is capped");
        assertTrue(ledger.finished.isEmpty());
    }

    @Test
    void aNodeAtItsBoundForCallsInFlightStartsNoMoreUntilOneEnds() throws Exception {
        engine.queue(true, RateLimits.of(100, 10));
        calls.max = 1;
        calls.init();
        CompletableFuture<AttemptResult> first = new CompletableFuture<>();
        worker.pending = first;
        dispatcher.dispatch(order(1));

        Thread second = new Thread(() -> dispatcher.dispatch(order(2)));
        second.start();
        second.join(200);
        assertTrue(second.isAlive(), "the second consumer waits for room on the node");
        assertEquals(List.of(1L), ledger.started);

        first.complete(AttemptResult.answered(200));
        second.join(10_000);
        assertFalse(second.isAlive());
        assertEquals(List.of(1L, 2L), ledger.started);
    }

    private static DispatchOrder order(long taskRowId) {
        return new DispatchOrder(Engine.QUEUE, taskRowId, 1, false, DispatchOrder.NO_RESERVATION);
    }

    record Finished(long taskRowId, int httpStatus, boolean releaseWaiting) {}

    /** The ledger as lists of what was written; orders named in {@code stale} have no live task. */
    static final class FakeLedger implements DispatchLedger {

        final List<Long> started = new ArrayList<>();
        final List<Finished> finished = new ArrayList<>();
        final List<Long> held = new ArrayList<>();
        final List<Long> waiting = new ArrayList<>();
        final List<Long> stale = new ArrayList<>();
        private final Map<Long, Integer> attempts = new HashMap<>();

        @Override
        public Optional<Attempt> start(DispatchOrder order) {
            if (stale.contains(order.taskRowId())) {
                return Optional.empty();
            }
            started.add(order.taskRowId());
            int number = attempts.merge(order.taskRowId(), 1, Integer::sum);
            WorkerRequest request = new WorkerRequest(
                    "http://worker/" + order.taskRowId(), "POST", Map.of(), new byte[0], Duration.ofMinutes(10));
            return Optional.of(new Attempt(order, "task-" + order.taskRowId(), number, request));
        }

        /** How many of the next finishes fail, as with the database down. */
        int failingFinishes;

        @Override
        public CompletionStage<Void> finish(Attempt attempt, AttemptResult result, boolean releaseWaiting) {
            if (failingFinishes > 0) {
                failingFinishes--;
                return CompletableFuture.failedFuture(new IllegalStateException("database down"));
            }
            finished.add(new Finished(attempt.order().taskRowId(), result.httpStatus(), releaseWaiting));
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void hold(DispatchOrder order) {
            held.add(order.taskRowId());
        }

        @Override
        public void addWaiting(DispatchOrder order) {
            waiting.add(order.taskRowId());
        }
    }

    /** Runs outcomes at once, on the caller's thread; keeps scheduled retries for the test to run. */
    static final class InlineThreads implements OutcomeThreads {

        final List<Duration> delays = new ArrayList<>();
        private final List<Runnable> scheduled = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            task.run();
        }

        @Override
        public void schedule(Runnable task, Duration delay) {
            delays.add(delay);
            scheduled.add(task);
        }

        /** Runs the tasks scheduled so far; false if there were none. */
        boolean runScheduled() {
            List<Runnable> due = new ArrayList<>(scheduled);
            scheduled.clear();
            due.forEach(Runnable::run);
            return !due.isEmpty();
        }
    }

    /** A worker that answers 200, or what the test says; {@code during} runs while it is called. */
    static final class FakeWorker implements Worker {

        final List<WorkerRequest> calls = new ArrayList<>();
        Function<WorkerRequest, AttemptResult> answer = request -> AttemptResult.answered(200);
        Function<WorkerRequest, AttemptResult> during;

        /** When set, the next call stays in flight until the test completes this. */
        CompletableFuture<AttemptResult> pending;

        @Override
        public CompletionStage<AttemptResult> send(WorkerRequest request) {
            calls.add(request);
            if (pending != null) {
                CompletableFuture<AttemptResult> call = pending;
                pending = null;
                return call;
            }
            if (during != null) {
                Function<WorkerRequest, AttemptResult> once = during;
                during = null;
                return CompletableFuture.completedFuture(once.apply(request));
            }
            return CompletableFuture.completedFuture(answer.apply(request));
        }
    }
}
