package dev.courier.application;

import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.Task;
import dev.courier.application.mapping.ProtoTime;
import dev.courier.domain.ApiException;
import dev.courier.domain.DispatchHeaders;
import dev.courier.domain.Errors;
import dev.courier.domain.StatusCode;
import dev.courier.domain.TaskName;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A CreateTask request checked against Cloud Tasks' rules and normalised as the service stores it:
 * method defaults to POST, the user agent is {@code Google-Cloud-Tasks}, an unset or past schedule
 * time is now, the dispatch deadline defaults to 10 minutes.
 *
 * @param taskId the requested ID, or {@code null} for a generated one
 */
record NewTask(String taskId, HttpRequest httpRequest, Instant scheduleTime, Duration dispatchDeadline) {

    static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(10);
    static final Duration MIN_DEADLINE = Duration.ofSeconds(15);
    static final Duration MAX_DEADLINE = Duration.ofMinutes(30);
    static final Duration MAX_SCHEDULE_AHEAD = Duration.ofDays(30);
    /** The largest stored task (protobuf-encoded), as on Cloud Tasks. */
    static final int MAX_TASK_BYTES = 1024 * 1024;

    static final int MAX_URL_LENGTH = 2083;
    private static final Set<HttpMethod> METHODS_WITH_BODY =
            EnumSet.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH);

    static NewTask of(String queueName, Task task, Instant now) {
        String taskId = task.getName().isEmpty() ? null : taskIdIn(queueName, task.getName());
        if (task.hasAppEngineHttpRequest()) {
            throw new ApiException(
                    StatusCode.UNIMPLEMENTED, "App Engine tasks are not supported by Courier; use httpRequest.");
        }
        if (!task.hasHttpRequest()) {
            throw ApiException.invalidArgument("Task.httpRequest is required.");
        }
        HttpRequest request = httpRequest(task.getHttpRequest());
        Instant scheduleTime = scheduleTime(task, now).truncatedTo(ChronoUnit.MICROS);
        Duration deadline = dispatchDeadline(task);

        Task stored = task.toBuilder().setHttpRequest(request).build();
        if (stored.getSerializedSize() > MAX_TASK_BYTES) {
            throw ApiException.invalidArgument("Task size is " + stored.getSerializedSize() + " bytes; the maximum is "
                    + MAX_TASK_BYTES + " bytes (1 MiB).");
        }
        return new NewTask(taskId, request, scheduleTime, deadline);
    }

    private static String taskIdIn(String queueName, String name) {
        TaskName parsed = TaskName.parse(name);
        if (!parsed.queue().toString().equals(queueName)) {
            throw Errors.taskInOtherQueue(queueName, parsed.queue().toString());
        }
        return parsed.taskId();
    }

    private static HttpRequest httpRequest(HttpRequest request) {
        String url = request.getUrl();
        if (url.isEmpty()) {
            throw ApiException.invalidArgument("HttpRequest.url is required.");
        }
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            throw ApiException.invalidArgument("HttpTarget.url must start with 'http://' or 'https://'.");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw ApiException.invalidArgument("HttpRequest.url must be at most " + MAX_URL_LENGTH + " characters.");
        }
        HttpMethod method = request.getHttpMethod();
        if (method == HttpMethod.HTTP_METHOD_UNSPECIFIED) {
            method = HttpMethod.POST;
        } else if (method == HttpMethod.UNRECOGNIZED) {
            throw ApiException.invalidArgument("HttpRequest.httpMethod is not a known HTTP method.");
        }
        if (!request.getBody().isEmpty() && !METHODS_WITH_BODY.contains(method)) {
            throw ApiException.invalidArgument(
                    "HttpRequest.body is allowed only for POST, PUT and PATCH; this task uses " + method + ".");
        }
        HttpRequest.Builder normalized = request.toBuilder().setHttpMethod(method);
        // Cloud Tasks stores the user agent it will send; a caller's own value is replaced.
        request.getHeadersMap().keySet().stream()
                .filter(name -> name.equalsIgnoreCase("User-Agent"))
                .forEach(normalized::removeHeaders);
        normalized.putHeaders("User-Agent", DispatchHeaders.USER_AGENT);
        return normalized.build();
    }

    private static Instant scheduleTime(Task task, Instant now) {
        if (!task.hasScheduleTime()) {
            return now;
        }
        Instant requested = ProtoTime.instant(task.getScheduleTime());
        if (requested.isAfter(now.plus(MAX_SCHEDULE_AHEAD))) {
            throw ApiException.invalidArgument("Task.scheduleTime must be at most 30 days in the future.");
        }
        return requested.isBefore(now) ? now : requested;
    }

    private static Duration dispatchDeadline(Task task) {
        if (!task.hasDispatchDeadline()) {
            return DEFAULT_DEADLINE;
        }
        Duration deadline = ProtoTime.duration(task.getDispatchDeadline());
        if (deadline.compareTo(MIN_DEADLINE) < 0 || deadline.compareTo(MAX_DEADLINE) > 0) {
            throw ApiException.invalidArgument("Task.dispatchDeadline must be between 15 seconds and 30 minutes.");
        }
        return deadline;
    }
}
