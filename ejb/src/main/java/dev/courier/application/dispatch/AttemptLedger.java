package dev.courier.application.dispatch;

import static dev.courier.logging.CourierLogger.LOG;

import dev.courier.domain.AttemptResult;
import dev.courier.infrastructure.persistence.QueueEntity;
import dev.courier.infrastructure.persistence.QueueRepository;
import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import dev.courier.infrastructure.persistence.TaskTombstone;
import dev.courier.infrastructure.persistence.TombstoneRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records the start and the end of dispatch attempts in the database. The start commits on its
 * own, before the HTTP call, so that no database connection is held while the worker answers. The
 * outcome commits on its own when the answer has come; a failure's outcome commits together with
 * its retry's new message. Starts and successes are normally written in batches (see
 * {@link BatchingLedger}).
 */
@Stateless
public class AttemptLedger {

    @Inject
    TaskRepository tasks;

    @Inject
    QueueRepository queues;

    @Inject
    Enqueuer enqueuer;

    @Inject
    WaitingTasks waitingTasks;

    @Inject
    TombstoneRepository tombstones;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "courier.dispatch.lease-grace")
    Duration leaseGrace;

    @Inject
    @ConfigProperty(name = "courier.task.tombstone-window")
    Duration tombstoneWindow;

    /**
     * Starts an attempt of the task the order names, or returns empty when the order is stale
     * (task deleted or rescheduled since) or the queue no longer exists.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Attempt> start(DispatchOrder order) {
        return begin(order, current(order));
    }

    /**
     * Writes a batch of starts and successes in one transaction (see {@link BatchingLedger}); the
     * answer to each entry is at its index (empty for a success). The batch's rows are locked by
     * one statement and the finished tasks buried together: per entry, only its own change is
     * written, and that in JDBC batches.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Optional<Attempt>> recordAll(List<LedgerEntry> entries) {
        Map<Long, TaskEntity> locked = tasks.findAllLocked(
                entries.stream().map(entry -> entry.order().taskRowId()).collect(Collectors.toSet()));
        List<TaskTombstone> finished = new ArrayList<>();
        List<Optional<Attempt>> answers = new ArrayList<>(Collections.nCopies(entries.size(), Optional.empty()));
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            Optional<TaskEntity> task = Optional.ofNullable(
                            locked.get(entry.order().taskRowId()))
                    .filter(found -> found.hasGeneration(entry.order().generation()));
            answers.set(i, record(entry, task, finished));
        }
        tombstones.buryTasks(finished);
        return answers;
    }

    private Optional<Attempt> record(LedgerEntry entry, Optional<TaskEntity> task, List<TaskTombstone> finished) {
        if (entry instanceof LedgerEntry.Success success) {
            task.ifPresent(done -> finished.add(succeed(done, success.attempt(), success.result())));
            if (success.releaseWaiting()) {
                waitingTasks.releaseOne(success.order().queueName());
            }
            return Optional.empty();
        }
        return begin(entry.order(), task);
    }

    private Optional<Attempt> begin(DispatchOrder order, Optional<TaskEntity> found) {
        if (found.isEmpty()) {
            LOG.staleMessage(order.taskRowId(), order.generation());
            return Optional.empty();
        }
        TaskEntity task = found.get();
        Optional<QueueEntity> queue = queues.find(task.queueName());
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        if (queue.get().state() != QueueEntity.State.RUNNING && !order.forced()) {
            LOG.heldWhilePaused(task.queueName(), task.taskId());
            task.hold();
            return Optional.empty();
        }
        Instant now = clock.instant();
        WorkerRequest request = WorkerRequests.of(task, queue.get());
        task.startAttempt(now, now.plus(task.dispatchDeadline()).plus(leaseGrace));
        LOG.dispatching(task.queueName(), task.taskId(), task.dispatchCount());
        return Optional.of(new Attempt(order, task.taskId(), task.dispatchCount(), request));
    }

    /**
     * Records how an attempt ended, in a transaction of its own: a success deletes the task; a
     * failure schedules the next attempt by the queue's current retry config (or the worker's
     * Retry-After, if later), or deletes the task once the config is used up. With
     * {@code releaseWaiting}, one waiting task of the queue is then released.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void finish(Attempt attempt, AttemptResult result, boolean releaseWaiting) {
        current(attempt.order()).ifPresent(task -> record(task, attempt, result));
        if (releaseWaiting) {
            waitingTasks.releaseOne(attempt.order().queueName());
        }
    }

    private void record(TaskEntity task, Attempt attempt, AttemptResult result) {
        if (result.isSuccess()) {
            tombstones.buryTasks(List.of(succeed(task, attempt, result)));
            return;
        }
        Instant now = clock.instant();
        task.finishAttempt(result, now);
        Optional<QueueEntity> queue = queues.find(task.queueName());
        Optional<Instant> retryAt = queue.flatMap(found -> found.retryPolicy()
                .nextAttemptAt(task.dispatchCount(), task.firstAttemptDispatchTime(), now, result.retryAfter()));
        if (retryAt.isEmpty()) {
            tasks.remove(task);
            tombstones.buryTasks(List.of(tombstone(task, now)));
            LOG.taskGivenUp(task.queueName(), task.taskId(), attempt.number(), result.detail());
            return;
        }
        task.reschedule(retryAt.get());
        enqueuer.enqueue(task, QueueSettings.of(queue.get()));
        LOG.attemptFailed(task.queueName(), task.taskId(), attempt.number(), result.detail(), retryAt.get());
    }

    /** Deletes the task of a successful attempt; returns its tombstone, for the caller to write. */
    private TaskTombstone succeed(TaskEntity task, Attempt attempt, AttemptResult result) {
        Instant now = clock.instant();
        task.finishAttempt(result, now);
        tasks.remove(task);
        LOG.taskSucceeded(task.queueName(), task.taskId(), attempt.number());
        return tombstone(task, now);
    }

    /** A finished task's name is refused for new tasks for the tombstone window. */
    private TaskTombstone tombstone(TaskEntity task, Instant now) {
        return new TaskTombstone(task.queueName(), task.taskId(), now.plus(tombstoneWindow));
    }

    /** The task the order names, row-locked, unless it is gone or has moved to a newer message. */
    private Optional<TaskEntity> current(DispatchOrder order) {
        return tasks.findLocked(order.taskRowId(), order.generation());
    }
}
