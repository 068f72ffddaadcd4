package dev.courier.interfaces.rest;

import dev.courier.domain.StatusCode;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Requests JAX-RS itself refuses (an unknown path, a method a path does not have), in Google's
 * error shape rather than as an HTML page.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return ErrorResponses.of(
                    StatusCode.NOT_FOUND,
                    "No Cloud Tasks resource at " + uriInfo.getRequestUri().getPath() + ".");
        }
        int status = e.getResponse().getStatus();
        StatusCode code = status == 405 ? StatusCode.UNIMPLEMENTED : StatusCode.forHttpStatus(status);
        return ErrorResponses.of(
                code,
                "The request was refused: " + e.getResponse().getStatusInfo().getReasonPhrase() + ".");
    }
}
