package dev.courier.application;

import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import dev.courier.domain.AttemptResult;
import dev.courier.domain.DispatchHeaders;
import dev.courier.domain.QueueName;
import dev.courier.domain.RetryPolicy;
import dev.courier.infrastructure.http.WorkerRequest;
import dev.courier.infrastructure.messaging.DispatchOrder;
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
import org.jboss.logging.Logger;

/**
 * Records the start and the end of dispatch attempts. The start commits on its own, before the
 * HTTP call, so that no database connection is held while the worker answers. A failure's outcome
 * joins the consumer's transaction, so the outcome, the retry's new message and the ack of the old
 * message commit together; a success commits before the ack. Starts and successes are normally
 * written in batches by the {@link LedgerBatcher}.
 */
@Stateless
public class AttemptLedger {

    private static final Logger LOG = Logger.getLogger(AttemptLedger.class);

    @Inject
    TaskRepository tasks;
    @Inject
    QueueRepository queues;
    @Inject
    Enqueuer enqueuer;
    @Inject
    DispatchLimiter limiter;
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
     * Starts an attempt of the task the message names, or returns empty when the message is stale
     * (task deleted or rescheduled since) or the queue no longer exists.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Attempt> start(DispatchOrder order) {
        return begin(order, current(order));
    }

    /**
     * Writes a batch of starts and successes in one transaction (see {@link LedgerBatcher}); the
     * answer to each entry is at its index (empty for a success). The batch's rows are locked by
     * one statement and the finished tasks buried together: per entry, only its own change is
     * written, and that in JDBC batches.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Optional<Attempt>> recordAll(List<LedgerEntry> entries) {
        Map<Long, TaskEntity> locked = tasks.findAllLocked(entries.stream().map(entry -> entry.order().taskRowId())
                .collect(Collectors.toSet()));
        List<TaskTombstone> finished = new ArrayList<>();
        List<Optional<Attempt>> answers = new ArrayList<>(Collections.nCopies(entries.size(), Optional.empty()));
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            Optional<TaskEntity> task = Optional.ofNullable(locked.get(entry.order().taskRowId()))
                    .filter(found -> isCurrent(found, entry.order()));
            answers.set(i, record(entry, task, finished));
        }
        tombstones.buryTasks(finished);
        return answers;
    }

    private Optional<Attempt> record(LedgerEntry entry, Optional<TaskEntity> task, List<TaskTombstone> finished) {
        if (entry instanceof LedgerEntry.Success success) {
            task.ifPresent(done -> finished.add(succeed(done, success.attempt(), success.result())));
            if (success.releaseWaiting()) {
                releaseOneWaiting(success.order().queueName());
            }
            return Optional.empty();
        }
        return begin(entry.order(), task);
    }

    private Optional<Attempt> begin(DispatchOrder order, Optional<TaskEntity> found) {
        if (found.isEmpty()) {
            LOG.debugf("Dropping stale dispatch message for row %d generation %d", order.taskRowId(), order.generation());
            return Optional.empty();
        }
        TaskEntity task = found.get();
        Optional<QueueEntity> queue = queues.find(task.queueName());
        if (queue.isEmpty()) {
            return Optional.empty();
        }
        if (queue.get().state() != QueueEntity.State.RUNNING && !order.forced()) {
            LOG.debugf("Queue %s is paused; %s/tasks/%s waits for resume", task.queueName(), task.queueName(), task.taskId());
            task.hold();
            return Optional.empty();
        }
        Instant now = clock.instant();
        WorkerRequest request = workerRequest(task, queue.get());
        task.startAttempt(now, now.plus(task.dispatchDeadline()).plus(leaseGrace));
        LOG.debugf("Dispatching %s/tasks/%s attempt %d", task.queueName(), task.taskId(), task.dispatchCount());
        return Optional.of(new Attempt(order, task.taskId(), task.dispatchCount(), request));
    }

    /**
     * Records how an attempt ended: a success deletes the task; a failure schedules the next retry
     * by the queue's current retry config, or deletes the task once the config is used up.
     */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void finish(Attempt attempt, AttemptResult result) {
        Optional<TaskEntity> found = current(attempt.order());
        if (found.isEmpty()) {
            return; // deleted or rescheduled while the worker was busy: nothing left to record
        }
        TaskEntity task = found.get();
        if (result.isSuccess()) {
            bury(succeed(task, attempt, result));
            return;
        }
        Instant now = clock.instant();
        task.finishAttempt(result, now);
        Optional<QueueEntity> queue = queues.find(task.queueName());
        Optional<RetryPolicy> policy = queue.map(QueueEntity::retryPolicy);
        if (policy.isEmpty() || policy.get().isExhausted(task.dispatchCount(), task.firstAttemptDispatchTime(), now)) {
            remove(task, now);
            LOG.infof("Task %s/tasks/%s failed permanently after attempt %d (%s)", task.queueName(), task.taskId(),
                    attempt.number(), result.detail());
            return;
        }
        Instant retryAt = now.plus(policy.get().delayBeforeRetry(task.dispatchCount()));
        if (result.retryAfter() != null && result.retryAfter().isAfter(retryAt)) {
            retryAt = result.retryAfter(); // an overloaded worker asked for a later retry
        }
        task.reschedule(retryAt);
        enqueuer.enqueue(task, QueueSettings.of(queue.get()));
        LOG.debugf("Task %s/tasks/%s attempt %d failed (%s); retry at %s", task.queueName(), task.taskId(),
                attempt.number(), result.detail(), retryAt);
    }

    /** Deletes the task of a successful attempt; returns its tombstone, for the caller to write. */
    private TaskTombstone succeed(TaskEntity task, Attempt attempt, AttemptResult result) {
        Instant now = clock.instant();
        task.finishAttempt(result, now);
        tasks.remove(task);
        LOG.debugf("Task %s/tasks/%s succeeded on attempt %d", task.queueName(), task.taskId(), attempt.number());
        return tombstone(task, now);
    }

    /** The settings dispatch needs, read in a short transaction of its own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<QueueSettings> settings(String queueName) {
        return queues.find(queueName).map(QueueSettings::of);
    }

    /**
     * Holds the task the message names in the database, without a message, for the promoter (its
     * queue is paused, or has no dispatch slot within the window). Joins the consumer's transaction.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void hold(DispatchOrder order) {
        current(order).filter(task -> !task.isInFlight()).ifPresent(TaskEntity::hold);
    }

    /**
     * Parks a task whose queue has no free concurrency slot: no message until a slot frees up.
     * Joins the consumer's transaction, so the mark and the ack of the message commit together.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void waitForSlot(DispatchOrder order) {
        current(order).ifPresent(TaskEntity::waitForSlot);
    }

    /** Sends up to {@code count} of the queue's waiting tasks now; returns how many there were. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int releaseWaiting(String queueName, int count) {
        int released = 0;
        for (TaskEntity task : tasks.waiting(queueName, count)) {
            if (task.isWaitingForSlot()) { // not released meanwhile by another transaction
                enqueuer.releaseWaiting(task);
                released++;
            }
        }
        return released;
    }

    /**
     * Sends one of the queue's tasks waiting for a concurrency slot, for the slot a finished
     * attempt freed; if there is none any more, the limiter stops counting waiting tasks. A task
     * taken meanwhile by another release (the timer's) is not "none": the next one is tried.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void releaseOneWaiting(String queueName) {
        for (int tries = 0; tries < 3; tries++) {
            if (releaseWaiting(queueName, 1) > 0) {
                return;
            }
            if (!tasks.hasWaiting(queueName)) {
                limiter.clearWaiting(queueName);
                return;
            }
        }
    }

    /** The task the message names, row-locked, unless it is gone or has moved to a newer message. */
    private Optional<TaskEntity> current(DispatchOrder order) {
        return tasks.findLocked(order.taskRowId()).filter(task -> isCurrent(task, order));
    }

    /** Whether the message is the task's live one (deletes and reschedules move the generation on). */
    private static boolean isCurrent(TaskEntity task, DispatchOrder order) {
        return task.generation() == order.generation();
    }

    /** A finished task is deleted and its name refused for new tasks for the tombstone window. */
    private void remove(TaskEntity task, Instant now) {
        tasks.remove(task);
        bury(tombstone(task, now));
    }

    private TaskTombstone tombstone(TaskEntity task, Instant now) {
        return new TaskTombstone(task.queueName(), task.taskId(), now.plus(tombstoneWindow));
    }

    private void bury(TaskTombstone tombstone) {
        tombstones.buryTasks(List.of(tombstone));
    }

    private static WorkerRequest workerRequest(TaskEntity task, QueueEntity queue) {
        HttpRequest request = TaskMapper.httpRequest(task);
        Optional<HttpTarget> target = HttpTargets.of(QueueRouting.decode(queue.routing()));
        if (target.isPresent()) {
            request = TaskTargets.apply(request, target.get());
        }
        Map<String, String> headers = DispatchHeaders.of(request.getHeadersMap(),
                QueueName.parse(task.queueName()).queueId(), task.taskId(), task.dispatchCount(),
                task.executionCount(), task.scheduleTime(), task.dispatchCount() == 0 ? null : task.lastHttpStatus());
        HttpMethod method = request.getHttpMethod();
        return new WorkerRequest(request.getUrl(), method.name(), headers, request.getBody().toByteArray(),
                task.dispatchDeadline());
    }
}
