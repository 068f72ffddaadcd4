package dev.courier.system;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A plain HTTP client for Courier's REST API, as curl would use it. */
final class CourierApi {

    /** Where the Arquillian-managed server listens (port offset 100). */
    static final String ARQUILLIAN_SERVER = "http://127.0.0.1:8180";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    final String location;

    CourierApi(String base) {
        this.base = base;
        this.location = "projects/courier-test/locations/loc-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What the server answered: status and body. */
    record Answer(int status, String body) {

        JsonObject error() {
            return JsonParser.parseString(body).getAsJsonObject().getAsJsonObject("error");
        }

        <B extends Message.Builder> B as(B builder) {
            try {
                // Like Google's clients, ignore fields the v2 classes lack (httpTarget).
                JsonFormat.parser().ignoringUnknownFields().merge(body, builder);
                return builder;
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(
                        "Not a " + builder.getDescriptorForType().getName() + ": " + body, e);
            }
        }
    }

    Answer get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json"));
    }

    Answer patch(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer post(String path, byte[] body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType));
    }

    Answer delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    /** Creates a queue with a fresh name in this client's location; {@code fields} is extra JSON. */
    Queue createQueue(String fields) {
        String name = location + "/queues/q-" + UUID.randomUUID().toString().substring(0, 8);
        Answer answer = post(
                "/v2/" + location + "/queues",
                "{\"name\":\"" + name + "\"" + (fields.isEmpty() ? "" : "," + fields) + "}");
        return ok(answer, Queue.newBuilder()).build();
    }

    /** Creates a task from the JSON of a Task message. */
    Task createTask(Queue queue, String taskJson) {
        return ok(post("/v2/" + queue.getName() + "/tasks", "{\"task\":" + taskJson + "}"), Task.newBuilder())
                .build();
    }

    /** A task's short ID, as the worker sees it in {@code X-CloudTasks-TaskName}. */
    static String taskId(Task task) {
        return task.getName().substring(task.getName().lastIndexOf('/') + 1);
    }

    static <B extends Message.Builder> B ok(Answer answer, B builder) {
        if (answer.status() != 200) {
            throw new AssertionError("Expected 200, got " + answer.status() + ": " + answer.body());
        }
        return answer.as(builder);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response =
                    http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError("Courier did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
