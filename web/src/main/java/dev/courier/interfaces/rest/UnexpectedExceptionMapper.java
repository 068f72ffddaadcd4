package dev.courier.interfaces.rest;

import dev.courier.application.Outages;
import dev.courier.domain.ApiException;
import dev.courier.domain.StatusCode;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Anything else: a lost database connection is UNAVAILABLE (503, which clients retry); any other
 * failure is logged with an incident id for the operator, and the client gets INTERNAL and that
 * id, never a stack trace.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class);

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof EJBException && e.getCause() instanceof ApiException api) {
            return ErrorResponses.of(api.code(), api.getMessage(), api.help());
        }
        if (Outages.isDatabaseOutage(e)) {
            LOG.warnf("Database unavailable: %s", e.toString());
            return ErrorResponses.of(StatusCode.UNAVAILABLE, "The service is temporarily unavailable; retry later.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return ErrorResponses.of(StatusCode.INTERNAL, "Internal error (incident " + incident + ").");
    }
}
