package dev.courier.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Courier's REST API as the benchmark uses it: queues for control, requests for the load. */
final class CourierRest {

    static final String LOCATION = "projects/bench/locations/local";
    /** A worker payload of a typical size (100 bytes), sent base64-encoded as the task body. */
    private static final String BODY = Base64.getEncoder()
            .encodeToString(
                    "{\"user\":\"u-000000000000\",\"event\":\"signup\",\"payload\":\"0123456789012345678901234567890123456\"}   "
                            .getBytes(StandardCharsets.UTF_8));

    private static final Pattern NAME = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;
    private final String workerUrl;

    CourierRest(String base, String workerUrl) {
        this.base = base;
        this.workerUrl = workerUrl;
    }

    /** Creates queue {@code id} (a name not used before: a deleted queue's name stays taken) with these limits. */
    void createQueue(String id, double rate, int maxConcurrent) {
        String json = "{\"name\":\"" + LOCATION + "/queues/" + id + "\",\"rateLimits\":{\"maxDispatchesPerSecond\":"
                + rate + ",\"maxConcurrentDispatches\":" + maxConcurrent + "}}";
        expectOk(send(post("/v2/" + LOCATION + "/queues", json)), "create queue " + id);
    }

    void pauseQueue(String id) {
        expectOk(send(post("/v2/" + LOCATION + "/queues/" + id + ":pause", "{}")), "pause queue " + id);
    }

    void resumeQueue(String id) {
        expectOk(send(post("/v2/" + LOCATION + "/queues/" + id + ":resume", "{}")), "resume queue " + id);
    }

    void deleteQueue(String id) {
        send(HttpRequest.newBuilder(uri("/v2/" + LOCATION + "/queues/" + id))
                .DELETE()
                .build());
    }

    /** A CreateTask request for the benchmark's worker, due at {@code scheduleTime}. */
    HttpRequest createTask(String queueId, Instant scheduleTime) {
        return post("/v2/" + LOCATION + "/queues/" + queueId + "/tasks", createTaskJson(scheduleTime));
    }

    String createTaskJson(Instant scheduleTime) {
        return "{\"task\":{\"scheduleTime\":\"" + scheduleTime + "\",\"httpRequest\":{\"url\":\"" + workerUrl
                + "\",\"httpMethod\":\"POST\",\"headers\":{\"Content-Type\":\"application/json\"},\"body\":\"" + BODY
                + "\"}}}";
    }

    HttpRequest getQueue(String queueId) {
        return HttpRequest.newBuilder(uri("/v2/" + LOCATION + "/queues/" + queueId))
                .GET()
                .build();
    }

    HttpRequest listTasks(String queueId, int pageSize) {
        return HttpRequest.newBuilder(uri("/v2/" + LOCATION + "/queues/" + queueId + "/tasks?pageSize=" + pageSize))
                .GET()
                .build();
    }

    HttpRequest post(String path, String json) {
        return HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
    }

    /** The short task ID in a Task's JSON (the last segment of its name). */
    static String taskId(String taskJson) {
        Matcher name = NAME.matcher(taskJson);
        if (!name.find()) {
            throw new IllegalStateException("No task name in " + taskJson);
        }
        return name.group(1).substring(name.group(1).lastIndexOf('/') + 1);
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Courier did not answer " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static void expectOk(HttpResponse<String> response, String what) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(what + ": " + response.statusCode() + " " + response.body());
        }
    }
}
