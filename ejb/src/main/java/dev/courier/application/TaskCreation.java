package dev.courier.application;

import static dev.courier.logging.CourierLogger.LOG;

import com.google.cloud.tasks.v2.Task;
import dev.courier.application.dispatch.Enqueuer;
import dev.courier.application.dispatch.QueueSettings;
import dev.courier.application.mapping.TaskMapper;
import dev.courier.domain.ApiException;
import dev.courier.domain.Errors;
import dev.courier.domain.QueueName;
import dev.courier.domain.TaskIds;
import dev.courier.infrastructure.persistence.QueueEntity;
import dev.courier.infrastructure.persistence.QueueRepository;
import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import dev.courier.infrastructure.persistence.TombstoneRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * CreateTask's transaction: the task row and its scheduled dispatch message commit together, so
 * there is never a message without a row (a row without a message is held on purpose, see
 * {@link Enqueuer}). Normally several requests share one transaction ({@link CreateBatcher}).
 */
@Stateless
public class TaskCreation {

    @Inject
    QueueRepository queues;

    @Inject
    TaskRepository tasks;

    @Inject
    Enqueuer enqueuer;

    @Inject
    TombstoneRepository tombstones;

    @Inject
    Clock clock;

    /**
     * Creates the tasks in one transaction; the answer to each order is at its index. A refused
     * order (unknown queue, invalid task, name taken) is answered as refused and leaves the others
     * be; any other failure rolls back the batch.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Created> createAll(List<CreateOrder> orders) {
        List<Created> answers = orders.stream().map(this::tryCreate).toList();
        insertNow();
        return answers;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Task createAlone(CreateOrder order) {
        Task task = create(order);
        insertNow();
        return task;
    }

    private Created tryCreate(CreateOrder order) {
        try {
            return Created.task(create(order));
        } catch (ApiException refused) {
            return Created.refused(refused);
        }
    }

    private Task create(CreateOrder order) {
        String queueName = QueueName.parse(order.parent()).toString();
        QueueEntity queue = queues.find(queueName).orElseThrow(Errors::queueNotFound);
        Instant now = clock.instant();
        NewTask newTask = NewTask.of(queueName, order.task(), now);
        String taskId = newTask.taskId();
        if (taskId == null) {
            // 20 random digits: no live task or tombstone holds them (and the unique key would
            // refuse the insert if one did), so a generated name needs no lookups.
            taskId = TaskIds.next();
        } else {
            refuseTakenName(queueName, taskId, now);
        }
        TaskEntity entity = new TaskEntity(
                queueName,
                taskId,
                newTask.httpRequest().toByteArray(),
                newTask.scheduleTime(),
                now,
                newTask.dispatchDeadline());
        tasks.add(entity);
        enqueuer.enqueue(entity, QueueSettings.of(queue));
        LOG.taskCreated(queueName, taskId, entity.scheduleTime());
        return TaskMapper.toProto(entity, order.view());
    }

    /**
     * Writes the tasks created so far, with their message fields set, in JDBC batches. A name
     * clash here means another request created the same name between the check and the insert;
     * the transaction is then rollback-only: a batch fails, and each of its orders runs alone.
     */
    private void insertNow() {
        try {
            tasks.flush();
        } catch (PersistenceException e) {
            if (!Failures.isUniqueViolation(e)) {
                throw e; // not a name clash (the database went away, say): answered as such
            }
            throw Errors.taskAlreadyExists();
        }
    }

    /** A name given by the caller is refused while a task holds it, and for a while after. */
    private void refuseTakenName(String queueName, String taskId, Instant now) {
        if (tasks.find(queueName, taskId).isPresent()) {
            throw Errors.taskAlreadyExists();
        }
        if (tombstones.isTaskBuried(queueName, taskId, now)) {
            throw Errors.taskNameTooRecent();
        }
    }
}
