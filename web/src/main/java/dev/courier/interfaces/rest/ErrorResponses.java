package dev.courier.interfaces.rest;

import dev.courier.domain.StatusCode;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Google's REST error shape: {@code {"error": {"code": 404, "message": "...", "status": "NOT_FOUND"}}}. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(StatusCode code, String message) {
        String body = Json.createObjectBuilder()
                .add("error", Json.createObjectBuilder()
                        .add("code", code.httpStatus())
                        .add("message", message)
                        .add("status", code.name()))
                .build()
                .toString();
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
