package dev.courier.interfaces.rest;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.courier.domain.ApiException;
import dev.courier.domain.StatusCode;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Google's REST error shape: {@code {"error": {"code": 404, "message": "...", "status": "NOT_FOUND"}}}. */
final class ErrorResponses {

    private ErrorResponses() {}

    static Response of(StatusCode code, String message) {
        return of(code, message, null);
    }

    /** With a {@code google.rpc.Help} detail when {@code help} is given; {@code details} is omitted otherwise. */
    static Response of(StatusCode code, String message, ApiException.HelpLink help) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code.httpStatus());
        error.addProperty("message", message);
        error.addProperty("status", code.name());
        if (help != null) {
            JsonObject link = new JsonObject();
            link.addProperty("description", help.description());
            link.addProperty("url", help.url());
            JsonArray links = new JsonArray();
            links.add(link);
            JsonObject detail = new JsonObject();
            detail.addProperty("@type", "type.googleapis.com/google.rpc.Help");
            detail.add("links", links);
            JsonArray details = new JsonArray();
            details.add(detail);
            error.add("details", details);
        }
        JsonObject body = new JsonObject();
        body.add("error", error);
        return Response.status(code.httpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body.toString())
                .build();
    }
}
