package dev.courier.application;

import static dev.courier.logging.CourierLogger.LOG;

import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.ListTasksResponse;
import com.google.cloud.tasks.v2.Task;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.protobuf.ByteString;
import dev.courier.application.dispatch.Enqueuer;
import dev.courier.application.mapping.HttpTargets;
import dev.courier.application.mapping.PageToken;
import dev.courier.application.mapping.QueueRouting;
import dev.courier.application.mapping.TaskMapper;
import dev.courier.application.mapping.TaskTargets;
import dev.courier.domain.ApiException;
import dev.courier.domain.Errors;
import dev.courier.domain.QueueName;
import dev.courier.domain.StatusCode;
import dev.courier.domain.TaskName;
import dev.courier.infrastructure.persistence.QueueEntity;
import dev.courier.infrastructure.persistence.QueueRepository;
import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import dev.courier.infrastructure.persistence.TombstoneRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The task RPCs of Cloud Tasks, shared by every API transport. CreateTask writes the task row and
 * its scheduled dispatch message in one XA transaction ({@link TaskCreation}).
 */
@Stateless
public class TaskService {

    static final int MAX_PAGE_SIZE = 1000;

    @Inject
    QueueRepository queues;

    @Inject
    TaskRepository tasks;

    @Inject
    Enqueuer enqueuer;

    @Inject
    CreateBatcher creator;

    @Inject
    TombstoneRepository tombstones;

    @Inject
    @ConfigProperty(name = "courier.task.tombstone-window")
    Duration tombstoneWindow;

    @Inject
    Clock clock;

    /**
     * CreateTask. Runs without a transaction of its own: the task is written in a batch's
     * transaction (see {@link CreateBatcher}) and this returns once that has committed.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Task create(String parent, Task task, Task.View view) {
        return creator.create(new CreateOrder(parent, task, view));
    }

    /** GetTask; for the name of a task that finished or was deleted recently, the spec's own NOT_FOUND. */
    public Task get(String name, Task.View view) {
        TaskName taskName = TaskName.parse(name);
        String queueName = taskName.queue().toString();
        return tasks.find(queueName, taskName.taskId())
                .map(task -> TaskMapper.toProto(task, view))
                .orElseThrow(() -> tombstones.isTaskBuried(queueName, taskName.taskId(), clock.instant())
                        ? Errors.taskGoneRecently()
                        : Errors.entityNotFound());
    }

    public ListTasksResponse list(String parent, Task.View view, int pageSize, String pageToken) {
        String queueName = QueueName.parse(parent).toString();
        queues.find(queueName).orElseThrow(Errors::queueNotFound);
        int size = PageToken.size(pageSize, MAX_PAGE_SIZE);
        List<TaskEntity> page = tasks.page(queueName, afterRow(pageToken), size + 1);
        ListTasksResponse.Builder response = ListTasksResponse.newBuilder();
        page.stream().limit(size).map(task -> TaskMapper.toProto(task, view)).forEach(response::addTasks);
        if (page.size() > size) {
            response.setNextPageToken(
                    PageToken.encode(Long.toString(page.get(size - 1).id())));
        }
        return response.build();
    }

    /** Deletes a task, scheduled or in flight; its pending message becomes stale and is dropped. */
    public void delete(String name) {
        TaskEntity task = existing(name);
        tasks.remove(task);
        tombstones.buryTask(task.queueName(), task.taskId(), clock.instant().plus(tombstoneWindow));
        LOG.taskDeleted(name);
    }

    /**
     * Dispatches a task now, even if its queue is paused or throttled. Answers with the task as
     * it is when the dispatch is ordered; a failed run is retried after the queue's retry delay.
     */
    public Task run(String name, Task.View view) {
        TaskEntity task = existing(name);
        enqueuer.force(task);
        LOG.taskForced(name);
        return TaskMapper.toProto(task, view);
    }

    /**
     * BufferTask: a task whose request is the queue's httpTarget plus the given body. The queue
     * must route by itself: an httpTarget with a uriOverride host. The task is a POST; the
     * target's method override applies at dispatch, like for any task of the queue.
     */
    public Task buffer(String parent, String taskId, byte[] body, String contentType) {
        String queueName = QueueName.parse(parent).toString();
        QueueEntity queue = queues.find(queueName).orElseThrow(Errors::queueNotFound);
        HttpTarget target = HttpTargets.of(QueueRouting.decode(queue.routing()))
                .filter(t -> t.hasUriOverride() && t.getUriOverride().hasHost())
                .orElseThrow(() -> new ApiException(
                        StatusCode.FAILED_PRECONDITION,
                        "BufferTask needs the queue to have an httpTarget with a uriOverride host."));
        HttpRequest.Builder request = HttpRequest.newBuilder()
                .setUrl(TaskTargets.bufferUrl(target.getUriOverride()))
                .setHttpMethod(HttpMethod.POST)
                .setBody(ByteString.copyFrom(body));
        if (contentType != null && !contentType.isEmpty()) {
            request.putHeaders("Content-Type", contentType);
        }
        Task.Builder task = Task.newBuilder().setHttpRequest(request);
        if (taskId != null && !taskId.isEmpty()) {
            task.setName(queueName + "/tasks/" + taskId);
        }
        return create(parent, task.build(), Task.View.BASIC);
    }

    /** The named task, row-locked for the rest of the transaction. */
    private TaskEntity existing(String name) {
        TaskName taskName = TaskName.parse(name);
        return tasks.findLocked(taskName.queue().toString(), taskName.taskId()).orElseThrow(Errors::entityNotFound);
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
