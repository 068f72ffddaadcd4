package dev.courier.application.dispatch;

import static dev.courier.application.dispatch.Engine.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.domain.AttemptResult;
import dev.courier.domain.RateLimits;
import dev.courier.infrastructure.persistence.TaskEntity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Holding tasks, and promoting them as the reservation window reaches them. */
class PromoterTest {

    private final Engine engine = new Engine();

    @Test
    void heldTasksArePromotedEarliestDueFirstAtSlotsAtLeastALeadAhead() {
        QueueSettings queue = engine.queue(true, RateLimits.of(100, 10));
        TaskEntity later = held("later", T0.plusSeconds(2), queue);
        TaskEntity first = held("first", T0.minusSeconds(30), queue);

        assertEquals(List.of(Engine.QUEUE), engine.promoter.queuesToPromote());
        assertFalse(engine.promoter.promoteBatch(Engine.QUEUE), "nothing more is due");

        assertEquals(
                List.of(first.id(), later.id()),
                engine.broker.sent.stream()
                        .map(sent -> sent.order().taskRowId())
                        .toList());
        assertFalse(engine.broker.sent.get(0).due().isBefore(T0.plus(Promoter.LEAD)));
        assertEquals(T0.plusSeconds(2), engine.broker.sent.get(1).due());
        assertFalse(first.isHeld() || later.isHeld());
    }

    @Test
    void tasksDueBeyondTheWindowStayHeldUntilItReachesThem() {
        QueueSettings queue = engine.queue(true, RateLimits.of(100, 10));
        TaskEntity task = held("a", T0.plusSeconds(60), queue);

        assertEquals(List.of(), engine.promoter.queuesToPromote());
        engine.clock.advance(Duration.ofSeconds(50));
        engine.promoter.promoteBatch(Engine.QUEUE);

        assertFalse(task.isHeld());
        assertEquals(T0.plusSeconds(60), engine.broker.last().due());
    }

    @Test
    void promotionStopsWhereTheWindowIsFullAndGoesOnAsItMoves() {
        QueueSettings queue = engine.queue(true, RateLimits.of(1, 10));
        List<TaskEntity> backlog = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            backlog.add(held("t" + i, T0, queue));
        }

        assertFalse(engine.promoter.promoteBatch(Engine.QUEUE));
        long promoted = backlog.stream().filter(task -> !task.isHeld()).count();
        assertTrue(promoted >= 9 && promoted <= 11, "about the window's 10 s of slots at 1/s, got " + promoted);

        engine.clock.advance(Duration.ofSeconds(5));
        engine.promoter.promoteBatch(Engine.QUEUE);
        assertEquals(
                promoted + 5, backlog.stream().filter(task -> !task.isHeld()).count());
    }

    @Test
    void aPausedQueuesHeldTasksAreNotPromoted() {
        QueueSettings running = engine.queue(true, RateLimits.of(100, 10));
        TaskEntity task = held("a", T0, running);
        engine.queue(false, RateLimits.of(100, 10));

        assertEquals(List.of(), engine.promoter.queuesToPromote());
        assertFalse(engine.promoter.promoteBatch(Engine.QUEUE));
        assertTrue(task.isHeld());
    }

    @Test
    void holdingMovesTheLiveMessageOnAndLeavesStaleOrdersAndAttemptsInFlightAlone() {
        engine.queue(true, RateLimits.of(100, 10));
        TaskEntity task = engine.task("a", T0);
        DispatchOrder stale = Engine.moveOn(task);

        engine.promoter.hold(stale);
        assertFalse(task.isHeld(), "a stale order changes nothing");

        task.startAttempt(T0, T0.plusSeconds(60));
        engine.promoter.hold(Engine.orderOf(task));
        assertFalse(task.isHeld(), "an attempt in flight decides for itself");

        task.finishAttempt(AttemptResult.answered(500), T0);
        DispatchOrder live = Engine.orderOf(task);
        engine.promoter.hold(live);
        assertTrue(task.isHeld());
        assertTrue(task.generation() > live.generation(), "the held task's old message is now stale");
    }

    private TaskEntity held(String taskId, Instant due, QueueSettings queue) {
        TaskEntity task = engine.task(taskId, due);
        task.hold();
        return task;
    }
}
