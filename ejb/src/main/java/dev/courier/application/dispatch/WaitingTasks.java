package dev.courier.application.dispatch;

import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;

/**
 * Tasks waiting for room in flight: each reached its slot while its queue had its maximum of
 * attempts in flight, so it waits in the database, without a message and without using an
 * attempt. When an attempt of the queue ends, one waiting task is released (sent at once); every
 * second the backlog timer also releases waiting tasks wherever there is room (after a restart,
 * or a missed release). Joins the caller's transaction.
 */
@Stateless
public class WaitingTasks {

    /** How often a release retries when another transaction took the waiting task it found. */
    static final int RELEASE_TRIES = 3;

    @Inject
    TaskRepository tasks;

    @Inject
    QueueSettingsCache settings;

    @Inject
    DispatchLimiter limiter;

    @Inject
    Enqueuer enqueuer;

    @Inject
    Clock clock;

    /** The order's task waits; its message is acknowledged in the same transaction. */
    public void add(DispatchOrder order) {
        tasks.findLocked(order.taskRowId(), order.generation()).ifPresent(TaskEntity::startWaiting);
    }

    /** Releases up to {@code count} of the queue's waiting tasks now; returns how many there were. */
    public int release(String queueName, int count) {
        int released = 0;
        for (TaskEntity task : tasks.waiting(queueName, count)) {
            if (task.isWaiting()) { // not released meanwhile by another transaction
                enqueuer.releaseWaiting(task);
                released++;
            }
        }
        return released;
    }

    /**
     * Releases one of the queue's waiting tasks, into the room a finished attempt left; if there
     * is none any more, the limiter stops counting waiting tasks. A task released meanwhile by
     * another transaction (the timer's) is not "none": the next one is tried.
     */
    public void releaseOne(String queueName) {
        for (int tries = 0; tries < RELEASE_TRIES; tries++) {
            if (release(queueName, 1) > 0) {
                return;
            }
            if (!tasks.hasWaiting(queueName)) {
                limiter.forgetWaiting(queueName);
                return;
            }
        }
    }

    /** The safety net: releases waiting tasks of running queues wherever there is room in flight. */
    public void releaseWhereRoom() {
        Instant now = clock.instant();
        for (String queueName : tasks.queuesWithWaitingTasks()) {
            settings.get(queueName).filter(QueueSettings::running).ifPresent(queue -> {
                int room = limiter.roomInFlight(queue, now);
                if (room > 0) {
                    release(queueName, room);
                }
            });
        }
    }
}
