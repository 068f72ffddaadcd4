package dev.courier.application.dispatch;

import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import dev.courier.application.mapping.HttpTargets;
import dev.courier.application.mapping.QueueRouting;
import dev.courier.application.mapping.TaskMapper;
import dev.courier.application.mapping.TaskTargets;
import dev.courier.domain.DispatchHeaders;
import dev.courier.domain.QueueName;
import dev.courier.infrastructure.persistence.QueueEntity;
import dev.courier.infrastructure.persistence.TaskEntity;
import java.util.Map;
import java.util.Optional;

/**
 * The request an attempt sends: the task's own request, with the queue's httpTarget overrides
 * applied and the Cloud Tasks headers of this attempt added.
 */
final class WorkerRequests {

    private WorkerRequests() {}

    /** The request of the task's next attempt (its dispatch count is that of the attempts before). */
    static WorkerRequest of(TaskEntity task, QueueEntity queue) {
        HttpRequest request = TaskMapper.httpRequest(task);
        Optional<HttpTarget> target = HttpTargets.of(QueueRouting.decode(queue.routing()));
        if (target.isPresent()) {
            request = TaskTargets.apply(request, target.get());
        }
        Integer previousResponse = task.dispatchCount() == 0 ? null : task.lastHttpStatus();
        Map<String, String> headers = DispatchHeaders.of(
                request.getHeadersMap(),
                QueueName.parse(task.queueName()).queueId(),
                task.taskId(),
                task.dispatchCount(),
                task.executionCount(),
                task.scheduleTime(),
                previousResponse);
        return new WorkerRequest(
                request.getUrl(),
                request.getHttpMethod().name(),
                headers,
                request.getBody().toByteArray(),
                task.dispatchDeadline());
    }
}
