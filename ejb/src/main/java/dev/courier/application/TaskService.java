package dev.courier.application;

import com.google.cloud.tasks.v2.ListTasksResponse;
import com.google.cloud.tasks.v2.Task;
import dev.courier.domain.ApiException;
import dev.courier.domain.Errors;
import dev.courier.domain.QueueName;
import dev.courier.domain.TaskIds;
import dev.courier.domain.TaskName;
import dev.courier.infrastructure.messaging.DispatchMessages;
import dev.courier.infrastructure.messaging.DispatchOrder;
import dev.courier.infrastructure.persistence.QueueRepository;
import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The task RPCs of Cloud Tasks, shared by every API transport. CreateTask writes the task row and
 * its scheduled dispatch message in one XA transaction: never a row without a message, nor a
 * message without a row.
 */
@Stateless
public class TaskService {

    private static final Logger LOG = Logger.getLogger(TaskService.class);
    static final int MAX_PAGE_SIZE = 1000;

    @Inject
    QueueRepository queues;
    @Inject
    TaskRepository tasks;
    @Inject
    DispatchMessages messages;
    @Inject
    Clock clock;

    public Task create(String parent, Task task, Task.View view) {
        String queueName = QueueName.parse(parent).toString();
        queues.find(queueName).orElseThrow(Errors::queueNotFound);
        Instant now = clock.instant();
        NewTask newTask = NewTask.of(queueName, task, now);
        String taskId = newTask.taskId() != null ? newTask.taskId() : TaskIds.next();
        if (tasks.find(queueName, taskId).isPresent()) {
            throw Errors.taskAlreadyExists();
        }
        TaskEntity entity = new TaskEntity(queueName, taskId, newTask.httpRequest().toByteArray(),
                newTask.scheduleTime(), now, newTask.dispatchDeadline());
        try {
            tasks.add(entity);
        } catch (PersistenceException e) {
            // Another request created the same name between our check and our insert.
            throw Errors.taskAlreadyExists();
        }
        messages.schedule(new DispatchOrder(queueName, entity.id(), entity.generation()), entity.scheduleTime());
        LOG.debugf("Task %s/tasks/%s created, due %s", queueName, taskId, entity.scheduleTime());
        return TaskMapper.toProto(entity, view);
    }

    public Task get(String name, Task.View view) {
        return TaskMapper.toProto(existing(name), view);
    }

    public ListTasksResponse list(String parent, Task.View view, int pageSize, String pageToken) {
        String queueName = QueueName.parse(parent).toString();
        queues.find(queueName).orElseThrow(Errors::queueNotFound);
        int size = PageToken.size(pageSize, MAX_PAGE_SIZE);
        List<TaskEntity> page = tasks.page(queueName, afterRow(pageToken), size + 1);
        ListTasksResponse.Builder response = ListTasksResponse.newBuilder();
        page.stream().limit(size).map(task -> TaskMapper.toProto(task, view)).forEach(response::addTasks);
        if (page.size() > size) {
            response.setNextPageToken(PageToken.encode(Long.toString(page.get(size - 1).id())));
        }
        return response.build();
    }

    /** Deletes a task, scheduled or in flight; its pending message becomes stale and is dropped. */
    public void delete(String name) {
        tasks.remove(existing(name));
        LOG.debugf("Task %s deleted", name);
    }

    private TaskEntity existing(String name) {
        TaskName taskName = TaskName.parse(name);
        return tasks.find(taskName.queue().toString(), taskName.taskId()).orElseThrow(Errors::entityNotFound);
    }

    private static long afterRow(String pageToken) {
        String position = PageToken.decode(pageToken);
        if (position.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(position);
        } catch (NumberFormatException e) {
            throw ApiException.invalidArgument("Invalid page token.");
        }
    }
}
