package dev.courier.domain;

/**
 * A request Courier refuses, with the canonical code and the message a Cloud Tasks client sees.
 * Declared an application exception in ejb-jar.xml, so it reaches the API layer unwrapped and
 * rolls back the transaction.
 */
public class ApiException extends RuntimeException {

    /** A documentation link sent with the error, as Google's {@code google.rpc.Help} detail. */
    public record HelpLink(String description, String url) {}

    private final StatusCode code;
    private final HelpLink help;

    public ApiException(StatusCode code, String message) {
        this(code, message, null);
    }

    public ApiException(StatusCode code, String message, HelpLink help) {
        super(message);
        this.code = code;
        this.help = help;
    }

    public StatusCode code() {
        return code;
    }

    /** The help link of the error, or {@code null}. */
    public HelpLink help() {
        return help;
    }

    public static ApiException invalidArgument(String message) {
        return new ApiException(StatusCode.INVALID_ARGUMENT, message);
    }
}
