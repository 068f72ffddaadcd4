package dev.courier.interfaces.rest;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Honours {@code X-HTTP-Method-Override} on POST: Google's Java client sends UpdateQueue as a POST
 * with {@code X-HTTP-Method-Override: PATCH}, because its HTTP transport cannot send PATCH.
 */
@Provider
@PreMatching
public class MethodOverrideFilter implements ContainerRequestFilter {

    static final String HEADER = "X-HTTP-Method-Override";

    @Override
    public void filter(ContainerRequestContext request) {
        String override = request.getHeaderString(HEADER);
        if (HttpMethod.POST.equals(request.getMethod()) && override != null && !override.isBlank()) {
            request.setMethod(override.strip().toUpperCase(java.util.Locale.ROOT));
        }
    }
}
