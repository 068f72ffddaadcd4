package dev.courier.domain;

import java.time.Instant;

/**
 * What one dispatch attempt produced: the worker's HTTP status, or no answer at all (deadline
 * passed, connection failed).
 */
public record AttemptResult(Integer httpStatus, StatusCode failure, String detail, Instant retryAfter) {

    public static AttemptResult answered(int httpStatus) {
        return answered(httpStatus, null);
    }

    /** An answer; {@code retryAfter} is the instant its Retry-After header names, if any. */
    public static AttemptResult answered(int httpStatus, Instant retryAfter) {
        return new AttemptResult(httpStatus, null, "HTTP " + httpStatus, retryAfter);
    }

    public static AttemptResult deadlineExceeded() {
        return new AttemptResult(
                null, StatusCode.DEADLINE_EXCEEDED, "The worker did not answer before the dispatch deadline.", null);
    }

    public static AttemptResult unreachable(String detail) {
        return new AttemptResult(null, StatusCode.UNAVAILABLE, detail, null);
    }

    /** A 429 or 503: the worker asks for less traffic, and the queue is throttled. */
    public boolean isOverload() {
        return httpStatus != null && (httpStatus == 429 || httpStatus == 503);
    }

    public boolean isSuccess() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }

    public boolean gotResponse() {
        return httpStatus != null;
    }

    /** Counts toward {@code X-CloudTasks-TaskExecutionCount}: an answer that is not a 5xx. */
    public boolean countsAsExecution() {
        return httpStatus != null && httpStatus < 500;
    }

    /**
     * The value the next attempt reports in {@code X-CloudTasks-TaskPreviousResponse}: the HTTP
     * status, 504 after a missed deadline (as Cloud Tasks does), 0 when no connection was made.
     */
    public int previousResponse() {
        if (httpStatus != null) {
            return httpStatus;
        }
        return failure == StatusCode.DEADLINE_EXCEEDED ? 504 : 0;
    }

    /** The code recorded in the task's {@code lastAttempt.responseStatus}. */
    public StatusCode statusCode() {
        return httpStatus != null ? StatusCode.forHttpStatus(httpStatus) : failure;
    }
}
