package dev.courier.domain;

/**
 * The canonical google.rpc codes with the HTTP status Google's REST frontend uses for each. The
 * same table maps a worker's HTTP answer to the code recorded in a task's last attempt.
 */
public enum StatusCode {
    OK(0, 200),
    CANCELLED(1, 499),
    UNKNOWN(2, 500),
    INVALID_ARGUMENT(3, 400),
    DEADLINE_EXCEEDED(4, 504),
    NOT_FOUND(5, 404),
    ALREADY_EXISTS(6, 409),
    PERMISSION_DENIED(7, 403),
    RESOURCE_EXHAUSTED(8, 429),
    FAILED_PRECONDITION(9, 400),
    ABORTED(10, 409),
    OUT_OF_RANGE(11, 400),
    UNIMPLEMENTED(12, 501),
    INTERNAL(13, 500),
    UNAVAILABLE(14, 503),
    DATA_LOSS(15, 500),
    UNAUTHENTICATED(16, 401);

    private final int number;
    private final int httpStatus;

    StatusCode(int number, int httpStatus) {
        this.number = number;
        this.httpStatus = httpStatus;
    }

    public int number() {
        return number;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /**
     * The code for an HTTP status, as Google's client libraries map them: the specific statuses
     * first, then any other 2xx is OK, 4xx FAILED_PRECONDITION, 5xx INTERNAL, the rest UNKNOWN
     * (a 3xx, which Courier does not follow, is UNKNOWN).
     */
    public static StatusCode forHttpStatus(int status) {
        return switch (status) {
            case 400 -> INVALID_ARGUMENT;
            case 401 -> UNAUTHENTICATED;
            case 403 -> PERMISSION_DENIED;
            case 404 -> NOT_FOUND;
            case 409 -> ABORTED;
            case 416 -> OUT_OF_RANGE;
            case 429 -> RESOURCE_EXHAUSTED;
            case 499 -> CANCELLED;
            case 501 -> UNIMPLEMENTED;
            case 503 -> UNAVAILABLE;
            case 504 -> DEADLINE_EXCEEDED;
            default -> {
                if (status >= 200 && status < 300) {
                    yield OK;
                } else if (status >= 400 && status < 500) {
                    yield FAILED_PRECONDITION;
                } else if (status >= 500 && status < 600) {
                    yield INTERNAL;
                }
                yield UNKNOWN;
            }
        };
    }
}
