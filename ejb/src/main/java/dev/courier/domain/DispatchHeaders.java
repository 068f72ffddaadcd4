package dev.courier.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The headers of a request to a worker: the task's own headers without the reserved ones, then the
 * service headers Cloud Tasks sends with every attempt.
 */
public final class DispatchHeaders {

    public static final String USER_AGENT = "Google-Cloud-Tasks";

    private DispatchHeaders() {}

    /**
     * @param retryCount previous attempts of this task
     * @param executionCount previous attempts that got a non-5xx answer
     * @param previousResponse the previous attempt's status, or {@code null} on the first attempt
     */
    public static Map<String, String> of(
            Map<String, String> taskHeaders,
            String queueId,
            String taskId,
            int retryCount,
            int executionCount,
            Instant eta,
            Integer previousResponse) {
        Map<String, String> headers = new LinkedHashMap<>();
        taskHeaders.forEach((name, value) -> {
            if (!isReserved(name)) {
                headers.put(name, value);
            }
        });
        headers.put("User-Agent", USER_AGENT);
        headers.put("X-CloudTasks-QueueName", queueId);
        headers.put("X-CloudTasks-TaskName", taskId);
        headers.put("X-CloudTasks-TaskRetryCount", Integer.toString(retryCount));
        headers.put("X-CloudTasks-TaskExecutionCount", Integer.toString(executionCount));
        headers.put("X-CloudTasks-TaskETA", epochSeconds(eta));
        if (previousResponse != null) {
            headers.put("X-CloudTasks-TaskPreviousResponse", Integer.toString(previousResponse));
            headers.put("X-CloudTasks-TaskRetryReason", "");
        }
        return headers;
    }

    /** Seconds since the epoch with microseconds, e.g. {@code 1666670855.329624}. */
    static String epochSeconds(Instant instant) {
        return String.format(Locale.ROOT, "%d.%06d", instant.getEpochSecond(), instant.getNano() / 1000);
    }

    /**
     * Headers a caller may not set: the service's own families, the user agent (always replaced),
     * and those the HTTP client derives from the request itself.
     */
    static boolean isReserved(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("x-cloudtasks-")
                || lower.startsWith("x-google-")
                || lower.startsWith("x-appengine-")
                || lower.equals("user-agent")
                || lower.equals("host")
                || lower.equals("content-length")
                || lower.equals("connection")
                || lower.equals("expect")
                || lower.equals("upgrade")
                || lower.equals("transfer-encoding");
    }
}
