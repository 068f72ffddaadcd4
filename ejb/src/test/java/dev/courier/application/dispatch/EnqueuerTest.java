package dev.courier.application.dispatch;

import static dev.courier.application.dispatch.Engine.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.domain.DispatchPrecedence;
import dev.courier.domain.RateLimits;
import dev.courier.infrastructure.persistence.TaskEntity;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Which tasks get a broker message, due when, and which are held in the database. */
class EnqueuerTest {

    private final Engine engine = new Engine();

    @Test
    void aTaskDueWithinTheWindowGetsAMessageAtItsSlot() {
        QueueSettings queue = engine.queue(true, RateLimits.of(10, 10));
        TaskEntity task = engine.task("a", T0.plusSeconds(3));

        engine.enqueuer.enqueue(task, queue);

        Engine.RecordingBroker.Sent sent = engine.broker.last();
        assertEquals(T0.plusSeconds(3), sent.due());
        assertEquals(DispatchPrecedence.ON_TIME, sent.precedence());
        assertEquals(task.generation(), sent.order().generation());
        assertEquals(engine.limiter.epoch(Engine.QUEUE), sent.order().reservedEpoch());
        assertFalse(task.isHeld());
    }

    @Test
    void aTaskDueBeyondTheWindowIsHeldWithoutAMessage() {
        QueueSettings queue = engine.queue(true, RateLimits.of(10, 10));
        TaskEntity task = engine.task("a", T0.plus(Duration.ofSeconds(11)));

        engine.enqueuer.enqueue(task, queue);

        assertTrue(task.isHeld());
        assertTrue(engine.broker.sent.isEmpty());
    }

    @Test
    void aTaskOfAPausedQueueIsHeld() {
        QueueSettings queue = engine.queue(false, RateLimits.of(10, 10));
        TaskEntity task = engine.task("a", T0);

        engine.enqueuer.enqueue(task, queue);

        assertTrue(task.isHeld());
        assertTrue(engine.broker.sent.isEmpty());
    }

    @Test
    void onceTheWindowIsFullNewDueTasksQueueBehindTheHeldBacklog() {
        QueueSettings queue = engine.queue(true, RateLimits.of(1, 10)); // burst 1: 11 slots in 10 s
        for (int i = 0; i < 11; i++) {
            engine.enqueuer.enqueue(engine.task("t" + i, T0), queue);
        }
        TaskEntity twelfth = engine.task("t11", T0);
        engine.enqueuer.enqueue(twelfth, queue);
        assertEquals(11, engine.broker.sent.size());
        assertEquals(T0.plusSeconds(10), engine.broker.last().due());
        assertTrue(twelfth.isHeld());

        engine.clock.advance(Duration.ofSeconds(5)); // slots free up in the window...
        TaskEntity later = engine.task("late", engine.clock.instant());
        engine.enqueuer.enqueue(later, queue);

        assertTrue(later.isHeld(), "...but they are the held backlog's, promoted earliest first");
        assertEquals(11, engine.broker.sent.size());
    }

    @Test
    void runTaskSendsNowAtTheHighestPrecedenceWithoutASlot() {
        engine.queue(false, RateLimits.of(1, 1));
        TaskEntity task = engine.task("a", T0.plus(Duration.ofHours(1)));
        long generation = task.generation();

        engine.enqueuer.force(task);

        Engine.RecordingBroker.Sent sent = engine.broker.last();
        assertEquals(T0, sent.due());
        assertEquals(DispatchPrecedence.FORCED, sent.precedence());
        assertTrue(sent.order().forced());
        assertEquals(DispatchOrder.NO_RESERVATION, sent.order().reservedEpoch());
        assertEquals(T0, task.scheduleTime());
        assertEquals(generation + 1, sent.order().generation(), "the task's earlier message is now stale");
    }
}
