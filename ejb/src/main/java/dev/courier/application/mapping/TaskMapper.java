package dev.courier.application.mapping;

import com.google.cloud.tasks.v2.Attempt;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Status;
import dev.courier.infrastructure.persistence.TaskEntity;
import java.time.temporal.ChronoUnit;

/** Renders a stored task as the API's {@code Task}, in the BASIC or FULL view. */
public final class TaskMapper {

    private TaskMapper() {}

    /** BASIC (and unspecified) omits the body; FULL includes it. */
    public static Task toProto(TaskEntity task, Task.View view) {
        Task.View rendered = view == Task.View.FULL ? Task.View.FULL : Task.View.BASIC;
        HttpRequest request = httpRequest(task);
        if (rendered == Task.View.BASIC) {
            request = request.toBuilder().clearBody().build();
        }
        Task.Builder proto = Task.newBuilder()
                .setName(task.queueName() + "/tasks/" + task.taskId())
                .setHttpRequest(request)
                .setScheduleTime(ProtoTime.timestamp(task.scheduleTime()))
                .setCreateTime(ProtoTime.timestamp(task.createTime().truncatedTo(ChronoUnit.SECONDS)))
                .setDispatchDeadline(ProtoTime.duration(task.dispatchDeadline()))
                .setDispatchCount(task.dispatchCount())
                .setResponseCount(task.responseCount())
                .setView(rendered);
        if (task.firstAttemptDispatchTime() != null) {
            proto.setFirstAttempt(
                    Attempt.newBuilder().setDispatchTime(ProtoTime.timestamp(task.firstAttemptDispatchTime())));
        }
        if (task.lastAttemptDispatchTime() != null) {
            proto.setLastAttempt(lastAttempt(task));
        }
        return proto.build();
    }

    public static HttpRequest httpRequest(TaskEntity task) {
        try {
            return HttpRequest.parseFrom(task.httpRequest());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Stored request of task " + task.taskId() + " is unreadable", e);
        }
    }

    private static Attempt lastAttempt(TaskEntity task) {
        Attempt.Builder attempt = Attempt.newBuilder()
                .setScheduleTime(ProtoTime.timestamp(task.lastAttemptScheduleTime()))
                .setDispatchTime(ProtoTime.timestamp(task.lastAttemptDispatchTime()));
        if (task.lastAttemptResponseTime() != null) {
            attempt.setResponseTime(ProtoTime.timestamp(task.lastAttemptResponseTime()));
            attempt.setResponseStatus(Status.newBuilder()
                    .setCode(task.lastAttemptStatusCode())
                    .setMessage(task.lastAttemptStatusMessage() == null ? "" : task.lastAttemptStatusMessage()));
        }
        return attempt.build();
    }
}
