package dev.courier.interfaces.rest;

import com.google.cloud.tasks.v2.Task;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** BufferTask's answer: {@code {"task": {...}}}. */
final class BufferResponses {

    private BufferResponses() {}

    static String print(Task task) {
        JsonObject response = new JsonObject();
        response.add("task", JsonParser.parseString(ProtoJson.print(task)));
        return response.toString();
    }
}
