package dev.courier.interfaces.rest;

import com.google.gson.JsonObject;
import dev.courier.domain.StatusCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Google's REST error shape: {@code {"error": {"code": 404, "message": "...", "status": "NOT_FOUND"}}}. */
final class ErrorResponses {

    private ErrorResponses() {
    }

    static Response of(StatusCode code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code.httpStatus());
        error.addProperty("message", message);
        error.addProperty("status", code.name());
        JsonObject body = new JsonObject();
        body.add("error", error);
        return Response.status(code.httpStatus()).type(MediaType.APPLICATION_JSON_TYPE).entity(body.toString()).build();
    }
}
