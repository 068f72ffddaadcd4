package dev.courier.domain;

/**
 * A request Courier refuses, with the canonical code and the message a Cloud Tasks client sees.
 * Declared an application exception in ejb-jar.xml, so it reaches the API layer unwrapped and
 * rolls back the transaction.
 */
public class ApiException extends RuntimeException {

    private final StatusCode code;

    public ApiException(StatusCode code, String message) {
        super(message);
        this.code = code;
    }

    public StatusCode code() {
        return code;
    }

    public static ApiException invalidArgument(String message) {
        return new ApiException(StatusCode.INVALID_ARGUMENT, message);
    }
}
