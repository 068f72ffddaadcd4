package dev.courier.interfaces.rest;

import dev.courier.domain.ApiException;
import dev.courier.domain.StatusCode;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Anything else: logged with an incident id for the operator; the client gets INTERNAL and that
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
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error, incident %s", incident);
        return ErrorResponses.of(StatusCode.INTERNAL, "Internal error (incident " + incident + ").");
    }
}
