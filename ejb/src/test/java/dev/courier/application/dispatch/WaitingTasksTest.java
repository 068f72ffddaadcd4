package dev.courier.application.dispatch;

import static dev.courier.application.dispatch.Engine.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.domain.DispatchPrecedence;
import dev.courier.domain.RateLimits;
import dev.courier.infrastructure.persistence.TaskEntity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks waiting for room in flight, and their release. */
class WaitingTasksTest {

    private final Engine engine = new Engine();

    @Test
    void aWaitingTaskIsReleasedAtOnceOnTimeEarliestDueFirst() {
        engine.queue(true, RateLimits.of(100, 1));
        TaskEntity later = waiting("later", 2);
        TaskEntity earlier = waiting("earlier", 1);

        engine.waitingTasks.releaseOne(Engine.QUEUE);

        Engine.RecordingBroker.Sent sent = engine.broker.last();
        assertEquals(earlier.id(), sent.order().taskRowId());
        assertEquals(T0, sent.due(), "sent now: its slot was taken before it waited");
        assertEquals(DispatchPrecedence.ON_TIME, sent.precedence(), "it does not queue behind backlogs again");
        assertEquals(earlier.generation(), sent.order().generation());
        assertFalse(earlier.isWaiting());
        assertTrue(later.isWaiting());
    }

    @Test
    void whenNoTaskWaitsAnyMoreTheLimiterStopsCountingThem() {
        QueueSettings queue = engine.queue(true, RateLimits.of(100, 1));
        long epoch = engine.limiter.epoch(Engine.QUEUE);
        engine.limiter.admit(queue, epoch, T0);
        assertEquals(Admission.Kind.WAIT, engine.limiter.admit(queue, epoch, T0).kind());
        engine.limiter.attemptEnded(Engine.QUEUE);

        engine.waitingTasks.releaseOne(Engine.QUEUE); // the database has no waiting task

        assertTrue(engine.broker.sent.isEmpty());
        assertFalse(engine.limiter.releaseWaiting(Engine.QUEUE), "the count was forgotten");
    }

    @Test
    void theSafetyNetReleasesAsManyAsThereIsRoomInFlight() {
        engine.queue(true, RateLimits.of(100, 2));
        List<TaskEntity> waiting = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            waiting.add(waiting("t" + i, i));
        }

        engine.waitingTasks.releaseWhereRoom();

        assertEquals(2, engine.broker.sent.size());
        assertEquals(3, waiting.stream().filter(TaskEntity::isWaiting).count());
    }

    @Test
    void aPausedQueuesWaitingTasksAreNotReleased() {
        engine.queue(false, RateLimits.of(100, 2));
        TaskEntity task = waiting("a", 0);

        engine.waitingTasks.releaseWhereRoom();

        assertTrue(task.isWaiting());
        assertTrue(engine.broker.sent.isEmpty());
    }

    @Test
    void onlyTheLiveOrderMakesItsTaskWait() {
        engine.queue(true, RateLimits.of(100, 1));
        TaskEntity task = engine.task("a", T0);
        DispatchOrder stale = Engine.moveOn(task);

        engine.waitingTasks.add(stale);
        assertFalse(task.isWaiting());

        engine.waitingTasks.add(Engine.orderOf(task));
        assertTrue(task.isWaiting());
    }

    private TaskEntity waiting(String taskId, int secondsAfterT0) {
        TaskEntity task = engine.task(taskId, T0.plusSeconds(secondsAfterT0));
        task.newMessage(task.scheduleTime());
        task.startWaiting();
        return task;
    }
}
