package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tasks reach a real worker over HTTP: when due, as Cloud Tasks would send them, retried on failure. */
class DeliveryIT extends WorkerTest {

    @Test
    void deliversMethodBodyAndCloudTasksHeadersNotBeforeTheScheduleTime() throws Exception {
        Queue queue = api.createQueue("");
        Instant due = Instant.now().plusSeconds(3);
        String body = Base64.getEncoder().encodeToString("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));

        Task task = api.createTask(
                queue,
                "{\"scheduleTime\":\"" + due + "\",\"httpRequest\":{\"url\":\""
                        + sink.url("/work?x=1") + "\",\"httpMethod\":\"PUT\",\"body\":\"" + body
                        + "\",\"headers\":{\"Content-Type\":\"application/json\",\"X-Custom\":\"abc\",\"User-Agent\":\"mine\"}}}");

        Sink.Received got =
                sink.awaitRequests(id(task), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("PUT", got.method());
        assertEquals("/work", got.path());
        assertEquals("{\"hello\":\"world\"}", new String(got.body(), StandardCharsets.UTF_8));
        assertEquals("application/json", got.header("Content-Type"));
        assertEquals("abc", got.header("X-Custom"));
        assertEquals("Google-Cloud-Tasks", got.header("User-Agent"));
        assertEquals(
                queue.getName().substring(queue.getName().lastIndexOf('/') + 1), got.header("X-CloudTasks-QueueName"));
        assertEquals(id(task), got.header("X-CloudTasks-TaskName"));
        assertEquals("0", got.header("X-CloudTasks-TaskRetryCount"));
        assertEquals("0", got.header("X-CloudTasks-TaskExecutionCount"));
        assertEquals(null, got.header("X-CloudTasks-TaskPreviousResponse"));
        BigDecimal eta = new BigDecimal(got.header("X-CloudTasks-TaskETA"));
        assertEquals(due.getEpochSecond(), eta.longValue());
        assertFalse(got.at().isBefore(due), "arrived at " + got.at() + ", due " + due);

        assertEquals(404, awaitGone(task), "a task that got a 2xx is deleted");
    }

    @Test
    void retriesAFailingWorkerWithTheRetryHeaders() throws Exception {
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"0.5s\",\"maxBackoff\":\"2s\"}");
        sink.answering(500, 404, 503);

        Task task = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/flaky") + "\"}}");

        List<Sink.Received> got = sink.awaitRequests(id(task), 4, Duration.ofSeconds(60));
        assertEquals(
                List.of("0", "1", "2", "3"),
                got.stream().map(r -> r.header("X-CloudTasks-TaskRetryCount")).toList());
        assertEquals(
                List.of("0", "0", "1", "1"),
                got.stream()
                        .map(r -> r.header("X-CloudTasks-TaskExecutionCount"))
                        .toList());
        assertEquals(
                java.util.Arrays.asList(null, "500", "404", "503"),
                got.stream()
                        .map(r -> r.header("X-CloudTasks-TaskPreviousResponse"))
                        .toList());
        assertEquals("", got.get(1).header("X-CloudTasks-TaskRetryReason"));
        for (int i = 1; i < got.size(); i++) {
            Duration gap = Duration.between(got.get(i - 1).at(), got.get(i).at());
            assertTrue(gap.compareTo(Duration.ofMillis(400)) >= 0, "retry " + i + " came after only " + gap);
        }
        assertEquals(404, awaitGone(task));
    }

    @Test
    void showsTheAttemptsOfATaskThatIsStillRetrying() throws Exception {
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"60s\",\"maxBackoff\":\"60s\"}");
        sink.answering(503);

        Task task = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/down") + "\"}}");
        sink.awaitRequests(id(task), 1, Duration.ofSeconds(30));

        Task seen = awaitResponseRecorded(task);
        assertEquals(1, seen.getDispatchCount());
        assertEquals(1, seen.getResponseCount());
        assertEquals(14, seen.getLastAttempt().getResponseStatus().getCode(), "503 is UNAVAILABLE");
        assertTrue(seen.hasFirstAttempt());
        Instant retryAt = Instant.ofEpochSecond(seen.getScheduleTime().getSeconds());
        assertTrue(retryAt.isAfter(Instant.now().plusSeconds(30)), "next attempt about a minute later: " + retryAt);
    }

    @Test
    void givesUpAfterMaxAttempts() throws Exception {
        Queue queue =
                api.createQueue("\"retryConfig\":{\"maxAttempts\":2,\"minBackoff\":\"0.2s\",\"maxBackoff\":\"0.2s\"}");
        sink.answering(500, 500, 500, 500);

        Task task = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/broken") + "\"}}");

        sink.awaitRequests(id(task), 2, Duration.ofSeconds(30));
        assertEquals(404, awaitGone(task));
        Thread.sleep(2000);
        assertEquals(2, sink.requestsFor(id(task)).size(), "no third attempt");
    }

    @Test
    void aDeletedTaskIsNeverDelivered() throws Exception {
        Queue queue = api.createQueue("");
        Task doomed = api.createTask(
                queue,
                "{\"scheduleTime\":\"" + Instant.now().plusSeconds(3) + "\",\"httpRequest\":{\"url\":\""
                        + sink.url("/doomed") + "\"}}");
        Task witness = api.createTask(
                queue,
                "{\"scheduleTime\":\"" + Instant.now().plusSeconds(4) + "\",\"httpRequest\":{\"url\":\""
                        + sink.url("/witness") + "\"}}");

        assertEquals(200, api.delete("/v2/" + doomed.getName()).status());

        sink.awaitRequests(id(witness), 1, Duration.ofSeconds(30));
        Thread.sleep(1000);
        assertEquals(List.of(), sink.requestsFor(id(doomed)));
    }

    @Test
    void aPausedQueueDispatchesNothingUntilResumed() throws Exception {
        Queue queue = api.createQueue("");
        api.post("/v2/" + queue.getName() + ":pause", "{}");
        Task task = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/held") + "\"}}");

        Thread.sleep(2000);
        assertEquals(List.of(), sink.requestsFor(id(task)), "nothing dispatched while paused");
        assertEquals(200, api.post("/v2/" + queue.getName() + ":resume", "{}").status());

        sink.awaitRequests(id(task), 1, Duration.ofSeconds(30));
        Thread.sleep(500);
        assertEquals(1, sink.requestsFor(id(task)).size());
    }

    @Test
    void appliesTheQueuesHttpTargetOverridesAtDispatch() throws Exception {
        String port = sink.url("/").replaceAll(".*:(\\d+)/", "$1");
        Queue queue = api.createQueue("\"httpTarget\":{\"uriOverride\":{\"scheme\":\"HTTP\",\"host\":\"127.0.0.1\","
                + "\"port\":\"" + port + "\",\"pathOverride\":{\"path\":\"/routed\"}},\"httpMethod\":\"PATCH\","
                + "\"headerOverrides\":[{\"header\":{\"key\":\"x-tenant\",\"value\":\"queue\"}}]}");

        Task task = api.createTask(
                queue,
                "{\"httpRequest\":{\"url\":\"https://elsewhere.invalid/original\","
                        + "\"headers\":{\"X-Tenant\":\"task\"},\"body\":\"aGk=\"}}");

        Sink.Received got =
                sink.awaitRequests(id(task), 1, Duration.ofSeconds(30)).get(0);
        assertEquals("/routed", got.path());
        assertEquals("PATCH", got.method());
        assertEquals("queue", got.header("X-Tenant"));
        assertEquals("hi", new String(got.body(), StandardCharsets.UTF_8));
    }

    @Test
    void bufferTaskDeliversTheRawBodyThroughTheQueuesTarget() throws Exception {
        String port = sink.url("/").replaceAll(".*:(\\d+)/", "$1");
        Queue queue = api.createQueue("\"httpTarget\":{\"uriOverride\":{\"scheme\":\"HTTP\",\"host\":\"127.0.0.1\","
                + "\"port\":\"" + port + "\",\"pathOverride\":{\"path\":\"/buffered\"}}}");

        CourierApi.Answer named = api.post(
                "/v2/" + queue.getName() + "/tasks/buffered-1:buffer",
                "raw bytes".getBytes(StandardCharsets.UTF_8),
                "text/plain");
        CourierApi.Answer unnamed = api.post(
                "/v2/" + queue.getName() + "/tasks:buffer",
                "{\"x\":1}".getBytes(StandardCharsets.UTF_8),
                "application/json");

        assertEquals(200, named.status(), named.body());
        assertEquals(200, unnamed.status(), unnamed.body());
        Sink.Received first =
                sink.awaitRequests("buffered-1", 1, Duration.ofSeconds(30)).get(0);
        assertEquals("/buffered", first.path());
        assertEquals("POST", first.method());
        assertEquals("text/plain", first.header("Content-Type"));
        assertEquals("raw bytes", new String(first.body(), StandardCharsets.UTF_8));
        String unnamedId = com.google.gson.JsonParser.parseString(unnamed.body())
                .getAsJsonObject()
                .getAsJsonObject("task")
                .get("name")
                .getAsString()
                .replaceAll(".*/", "");
        assertEquals(
                "{\"x\":1}",
                new String(
                        sink.awaitRequests(unnamedId, 1, Duration.ofSeconds(30))
                                .get(0)
                                .body(),
                        StandardCharsets.UTF_8));
    }

    @Test
    void aCompletedTasksNameIsRefusedForAWhile() throws Exception {
        Queue queue = api.createQueue("");
        String named = "{\"name\":\"" + queue.getName() + "/tasks/done-once\",\"httpRequest\":{\"url\":\""
                + sink.url("/done") + "\"}}";
        api.createTask(queue, named);
        sink.awaitRequests("done-once", 1, Duration.ofSeconds(30));
        assertEquals(
                404,
                awaitGone(Task.newBuilder()
                        .setName(queue.getName() + "/tasks/done-once")
                        .build()));

        assertEquals(
                409,
                api.post("/v2/" + queue.getName() + "/tasks", "{\"task\":" + named + "}")
                        .status());
    }

    private int awaitGone(Task task) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(30);
        int status = 0;
        while (Instant.now().isBefore(giveUp)) {
            status = api.get("/v2/" + task.getName()).status();
            if (status == 404) {
                break;
            }
            Thread.sleep(100);
        }
        return status;
    }

    private Task awaitResponseRecorded(Task task) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(giveUp)) {
            Task seen = CourierApi.ok(api.get("/v2/" + task.getName()), Task.newBuilder())
                    .build();
            if (seen.getLastAttempt().hasResponseTime()) {
                return seen;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("The attempt's response was never recorded");
    }
}
