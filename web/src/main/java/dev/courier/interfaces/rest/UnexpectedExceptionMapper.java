package dev.courier.interfaces.rest;

import dev.courier.application.Failures;
import dev.courier.domain.ApiException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Anything else, answered as {@link Failures} decides: a lost database is UNAVAILABLE (503, which
 * clients retry), any other failure INTERNAL with an incident id, never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        ApiException answer = Failures.toApiException(e);
        return ErrorResponses.of(answer.code(), answer.getMessage(), answer.help());
    }
}
