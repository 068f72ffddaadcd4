package dev.courier.interfaces.rest;

import com.google.cloud.tasks.v2.ListQueuesResponse;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.courier.application.mapping.HttpTargets;
import dev.courier.domain.ApiException;
import java.util.Optional;

/**
 * Queue JSON including {@code httpTarget}, which the v2 message classes lack: it is read and
 * written with the v2beta3 HttpTarget message (same JSON shape) beside the rest of the queue.
 */
final class QueueJson {

    private QueueJson() {}

    static Queue parse(String json) {
        if (json == null || json.isBlank()) {
            return Queue.getDefaultInstance();
        }
        JsonObject object;
        try {
            object = JsonParser.parseString(json).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. Expected a Queue object.");
        }
        JsonElement target = object.remove("httpTarget");
        JsonElement snakeTarget = object.remove("http_target");
        target = target != null ? target : snakeTarget;
        Queue queue = ProtoJson.parse(object.toString(), Queue.newBuilder()).build();
        if (target == null || target.isJsonNull()) {
            return queue;
        }
        return HttpTargets.with(
                queue,
                Optional.of(ProtoJson.parse(target.toString(), HttpTarget.newBuilder())
                        .build()));
    }

    static String print(Queue queue) {
        return object(queue).toString();
    }

    static String print(ListQueuesResponse response) {
        JsonObject object = new JsonObject();
        JsonArray queues = new JsonArray();
        response.getQueuesList().forEach(queue -> queues.add(object(queue)));
        if (!queues.isEmpty()) {
            object.add("queues", queues);
        }
        if (!response.getNextPageToken().isEmpty()) {
            object.addProperty("nextPageToken", response.getNextPageToken());
        }
        return object.toString();
    }

    private static JsonObject object(Queue queue) {
        JsonObject object = JsonParser.parseString(ProtoJson.print(queue)).getAsJsonObject();
        HttpTargets.of(queue)
                .ifPresent(target -> object.add("httpTarget", JsonParser.parseString(ProtoJson.print(target))));
        return object;
    }
}
