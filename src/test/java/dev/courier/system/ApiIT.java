package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.ListQueuesResponse;
import com.google.cloud.tasks.v2.ListTasksResponse;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The first slice of the Cloud Tasks v2 REST API over plain HTTP: paths, JSON, defaults and errors. */
class ApiIT extends CourierDeployment {

    /** Far enough ahead that nothing is dispatched while a test looks at its tasks. */
    private static final String LATER = "\"scheduleTime\":\"" + Instant.now().plusSeconds(86_400) + "\"";

    private final CourierApi api = new CourierApi(CourierApi.ARQUILLIAN_SERVER);

    private static void assertError(CourierApi.Answer answer, int httpStatus, String status, String message) {
        assertEquals(httpStatus, answer.status(), answer.body());
        JsonObject error = answer.error();
        assertEquals(httpStatus, error.get("code").getAsInt());
        assertEquals(status, error.get("status").getAsString());
        if (message != null) {
            assertEquals(message, error.get("message").getAsString());
        }
    }

    private Task later(Queue queue, String extra) {
        return api.createTask(queue, "{" + LATER + ",\"httpRequest\":{\"url\":\"http://127.0.0.1:9/x\"" + extra + "}}");
    }

    @Test
    void aQueueCreatedWithOnlyANameHasTheDocumentedDefaults() {
        Queue queue = api.createQueue("");

        assertEquals(500, queue.getRateLimits().getMaxDispatchesPerSecond());
        assertEquals(100, queue.getRateLimits().getMaxBurstSize());
        assertEquals(1000, queue.getRateLimits().getMaxConcurrentDispatches());
        assertEquals(100, queue.getRetryConfig().getMaxAttempts());
        assertEquals(100_000_000, queue.getRetryConfig().getMinBackoff().getNanos());
        assertEquals(3600, queue.getRetryConfig().getMaxBackoff().getSeconds());
        assertEquals(16, queue.getRetryConfig().getMaxDoublings());
        assertEquals(Queue.State.RUNNING, queue.getState());
        assertEquals(
                queue,
                CourierApi.ok(api.get("/v2/" + queue.getName()), Queue.newBuilder())
                        .build());
    }

    @Test
    void queueJsonOmitsDefaultsAndUsesDurationStrings() {
        Queue queue = api.createQueue("");
        String json = api.get("/v2/" + queue.getName()).body();

        assertTrue(json.contains("\"minBackoff\":\"0.100s\""), json);
        assertTrue(json.contains("\"maxBackoff\":\"3600s\""), json);
        assertFalse(json.contains("maxRetryDuration"), json);
        assertFalse(json.contains("purgeTime"), json);
    }

    @Test
    void aSecondQueueWithTheSameNameIsRefused() {
        Queue queue = api.createQueue("");

        assertError(
                api.post("/v2/" + api.location + "/queues", "{\"name\":\"" + queue.getName() + "\"}"),
                409,
                "ALREADY_EXISTS",
                "Queue already exists");
    }

    @Test
    void listsQueuesInNameOrderPageByPage() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(api.createQueue("").getName());
        }
        List<String> listed = new ArrayList<>();
        String token = "";
        do {
            ListQueuesResponse page = CourierApi.ok(
                            api.get("/v2/" + api.location + "/queues?pageSize=2&pageToken=" + token),
                            ListQueuesResponse.newBuilder())
                    .build();
            assertTrue(page.getQueuesCount() <= 2);
            page.getQueuesList().forEach(q -> listed.add(q.getName()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertEquals(created.stream().sorted().toList(), listed);
    }

    @Test
    void deletingAQueueDeletesItsTasks() {
        Queue queue = api.createQueue("");
        Task task = later(queue, "");

        assertEquals("{}", api.delete("/v2/" + queue.getName()).body());

        assertError(
                api.get("/v2/" + queue.getName()),
                404,
                "NOT_FOUND",
                "Queue does not exist. If you just created the queue, wait at least a minute for the queue to initialize.");
        assertEquals(404, api.get("/v2/" + task.getName()).status());
        assertError(api.delete("/v2/" + queue.getName()), 404, "NOT_FOUND", "Requested entity was not found.");
    }

    @Test
    void taskViewsShowTheBodyOnlyWhenFull() {
        Queue queue = api.createQueue("");
        String body = Base64.getEncoder().encodeToString(new byte[] {1, 2, (byte) 0xff});
        Task task = later(queue, ",\"body\":\"" + body + "\"");

        assertTrue(task.getHttpRequest().getBody().isEmpty(), "CreateTask answers in the BASIC view by default");
        assertEquals(Task.View.BASIC, task.getView());
        Task basic = CourierApi.ok(api.get("/v2/" + task.getName()), Task.newBuilder())
                .build();
        assertTrue(basic.getHttpRequest().getBody().isEmpty());
        Task full = CourierApi.ok(api.get("/v2/" + task.getName() + "?responseView=FULL"), Task.newBuilder())
                .build();
        assertEquals(3, full.getHttpRequest().getBody().size());
        assertEquals(Task.View.FULL, full.getView());
        Task fullByNumber = CourierApi.ok(api.get("/v2/" + task.getName() + "?responseView=2"), Task.newBuilder())
                .build();
        assertEquals(full, fullByNumber);
    }

    @Test
    void aNamedTaskIsRefusedWhileALiveTaskHasItsName() {
        Queue queue = api.createQueue("");
        String named = "{\"name\":\"" + queue.getName() + "/tasks/only-once\"," + LATER
                + ",\"httpRequest\":{\"url\":\"http://127.0.0.1:9/x\"}}";

        Task task = api.createTask(queue, named);

        assertEquals(queue.getName() + "/tasks/only-once", task.getName());
        assertError(
                api.post("/v2/" + queue.getName() + "/tasks", "{\"task\":" + named + "}"),
                409,
                "ALREADY_EXISTS",
                "Requested entity already exists");
    }

    @Test
    void unnamedTasksGetDistinctGeneratedIds() {
        Queue queue = api.createQueue("");
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            names.add(later(queue, "").getName());
        }
        assertEquals(5, names.size());
        names.forEach(name -> assertTrue(name.matches(".*/tasks/[0-9]{20}"), name));
    }

    @Test
    void listsTasksPageByPage() {
        Queue queue = api.createQueue("");
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            created.add(later(queue, "").getName());
        }
        Set<String> listed = new HashSet<>();
        String token = "";
        int pages = 0;
        do {
            ListTasksResponse page = CourierApi.ok(
                            api.get("/v2/" + queue.getName() + "/tasks?pageSize=3&pageToken=" + token),
                            ListTasksResponse.newBuilder())
                    .build();
            page.getTasksList().forEach(t -> listed.add(t.getName()));
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty());

        assertEquals(created, listed);
        assertEquals(3, pages);
    }

    @Test
    void deletedTasksAreGone() {
        Queue queue = api.createQueue("");
        Task task = later(queue, "");

        assertEquals(200, api.delete("/v2/" + task.getName()).status());

        assertError(
                api.get("/v2/" + task.getName()),
                404,
                "NOT_FOUND",
                "The task no longer exists, though a task with "
                        + "this name existed recently. The task either successfully completed or was deleted.");
        assertError(api.delete("/v2/" + task.getName()), 404, "NOT_FOUND", "Requested entity was not found.");
        assertError(
                api.get("/v2/" + queue.getName() + "/tasks/never-existed"),
                404,
                "NOT_FOUND",
                "Requested entity was not found.");
    }

    @Test
    void badInputGetsACloudTasksErrorNeverAServerError() {
        Queue queue = api.createQueue("");
        String tasks = "/v2/" + queue.getName() + "/tasks";

        assertError(api.post(tasks, "{\"task\":"), 400, "INVALID_ARGUMENT", null);
        assertError(api.post(tasks, "{\"task\":{\"colour\":\"red\"}}"), 400, "INVALID_ARGUMENT", null);
        assertError(
                api.post("/v2/" + api.location + "/queues", "{\"name\":\"queues/bad name\"}"),
                400,
                "INVALID_ARGUMENT",
                "Queue name must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>/queues/<QUEUE_ID>\".");
        JsonObject help = api.post("/v2/" + api.location + "/queues", "{\"name\":\"queues/bad name\"}")
                .error()
                .getAsJsonArray("details")
                .get(0)
                .getAsJsonObject();
        assertEquals("type.googleapis.com/google.rpc.Help", help.get("@type").getAsString());
        assertEquals(
                "Definition of queue name",
                help.getAsJsonArray("links")
                        .get(0)
                        .getAsJsonObject()
                        .get("description")
                        .getAsString());
        assertError(
                api.post(tasks, "{\"task\":{\"httpRequest\":{}}}"),
                400,
                "INVALID_ARGUMENT",
                "HttpRequest.url is required.");
        assertError(
                api.post(tasks, "{\"task\":{\"httpRequest\":{\"url\":\"ftp://x/y\"}}}"),
                400,
                "INVALID_ARGUMENT",
                "HttpTarget.url must start with 'http://' or 'https://'.");
        assertError(
                api.post(
                        tasks,
                        "{\"task\":{\"name\":\"" + queue.getName() + "/tasks/bad.id\","
                                + "\"httpRequest\":{\"url\":\"http://x/\"}}}"),
                400,
                "INVALID_ARGUMENT",
                null);
        String oversized = Base64.getEncoder().encodeToString(new byte[1024 * 1024 + 1]);
        assertError(
                api.post(tasks, "{\"task\":{\"httpRequest\":{\"url\":\"http://x/\",\"body\":\"" + oversized + "\"}}}"),
                400,
                "INVALID_ARGUMENT",
                null);
        assertError(
                api.post(
                        tasks,
                        "{\"task\":{\"scheduleTime\":\"" + Instant.now().plusSeconds(31L * 86_400)
                                + "\",\"httpRequest\":{\"url\":\"http://x/\"}}}"),
                400,
                "INVALID_ARGUMENT",
                "Task.scheduleTime must be at most 30 days in the future.");
        assertError(
                api.post(
                        "/v2/" + api.location + "/queues/missing/tasks",
                        "{\"task\":{\"httpRequest\":{\"url\":\"http://x/\"}}}"),
                404,
                "NOT_FOUND",
                null);
        assertError(api.get("/v2/not-a-resource-name"), 404, "NOT_FOUND", null);

        ListTasksResponse remaining =
                CourierApi.ok(api.get(tasks), ListTasksResponse.newBuilder()).build();
        assertEquals(0, remaining.getTasksCount(), "nothing refused was stored");
    }

    @Test
    void toleratesTheQueryParametersGooglesClientsSend() {
        Queue queue = api.createQueue("");
        later(queue, "");

        CourierApi.Answer answer = api.get(
                "/v2/" + queue.getName() + "/tasks?$alt=json;enum-encoding%3Dint&pageSize=0&pageToken&responseView=0");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(1, answer.as(ListTasksResponse.newBuilder()).getTasksCount());
    }

    @Test
    void acceptsSnakeCaseNamesAndEnumNumbers() {
        String name = api.location + "/queues/snake-"
                + java.util.UUID.randomUUID().toString().substring(0, 6);
        CourierApi.Answer created = api.post(
                "/v2/" + api.location + "/queues",
                "{\"name\":\"" + name
                        + "\",\"rate_limits\":{\"max_dispatches_per_second\":20},\"retry_config\":{\"max_attempts\":7}}");
        Queue queue = CourierApi.ok(created, Queue.newBuilder()).build();
        assertEquals(20, queue.getRateLimits().getMaxDispatchesPerSecond());
        assertEquals(7, queue.getRetryConfig().getMaxAttempts());

        Task task = CourierApi.ok(
                        api.post(
                                "/v2/" + name + "/tasks",
                                "{\"task\":{" + LATER.replace("scheduleTime", "schedule_time")
                                        + ",\"http_request\":{\"url\":\"http://x/\",\"http_method\":4}},\"response_view\":2}"),
                        Task.newBuilder())
                .build();
        assertEquals(
                com.google.cloud.tasks.v2.HttpMethod.PUT, task.getHttpRequest().getHttpMethod());
        assertEquals(Task.View.FULL, task.getView());
    }

    @Test
    void acceptsUrlSafeBase64AndAnswersStandardBase64() {
        Queue queue = api.createQueue("");
        Task task = later(queue, ",\"body\":\"-_8=\"");

        String json = api.get("/v2/" + task.getName() + "?responseView=FULL").body();

        assertTrue(json.contains("\"body\":\"+/8=\""), json);
    }

    @Test
    void toleratesGooglesSystemQueryParameters() {
        Queue queue = api.createQueue("");

        CourierApi.Answer answer = api.get("/v2/" + queue.getName()
                + "?$.xgafv=2&alt=json&prettyPrint=false&fields=name&key=k&quotaUser=u&access_token=t&callback=c");

        assertEquals(200, answer.status(), answer.body());
        assertEquals(queue.getName(), answer.as(Queue.newBuilder()).getName());
    }

    @Test
    void updatesLikeTheNodeClientWithSnakeCaseMaskAndNoNameInTheBody() {
        Queue queue = api.createQueue("");

        CourierApi.Answer answer = api.patch(
                "/v2/" + queue.getName()
                        + "?updateMask=retry_config.max_attempts%2Crate_limits.max_concurrent_dispatches",
                "{\"retryConfig\":{\"maxAttempts\":9},\"rateLimits\":{\"maxConcurrentDispatches\":4}}");

        Queue updated = CourierApi.ok(answer, Queue.newBuilder()).build();
        assertEquals(9, updated.getRetryConfig().getMaxAttempts());
        assertEquals(4, updated.getRateLimits().getMaxConcurrentDispatches());
        assertEquals(500, updated.getRateLimits().getMaxDispatchesPerSecond());
    }

    @Test
    void storesAndClearsAnHttpTarget() {
        Queue queue = api.createQueue("\"httpTarget\":{\"uriOverride\":{\"host\":\"example.com\",\"port\":\"8443\","
                + "\"uriOverrideEnforceMode\":\"IF_NOT_EXISTS\"},\"httpMethod\":\"PUT\",\"headerOverrides\":"
                + "[{\"header\":{\"key\":\"X-A\",\"value\":\"1\"}}],\"oidcToken\":{\"serviceAccountEmail\":"
                + "\"sa@p.iam.gserviceaccount.com\",\"audience\":\"https://example.com\"}},"
                + "\"stackdriverLoggingConfig\":{\"samplingRatio\":0.25}");
        JsonObject stored = com.google.gson.JsonParser.parseString(
                        api.get("/v2/" + queue.getName()).body())
                .getAsJsonObject();
        JsonObject target = stored.getAsJsonObject("httpTarget");
        assertEquals("8443", target.getAsJsonObject("uriOverride").get("port").getAsString());
        assertEquals(
                "IF_NOT_EXISTS",
                target.getAsJsonObject("uriOverride")
                        .get("uriOverrideEnforceMode")
                        .getAsString());
        assertEquals("PUT", target.get("httpMethod").getAsString());
        assertEquals(
                "sa@p.iam.gserviceaccount.com",
                target.getAsJsonObject("oidcToken").get("serviceAccountEmail").getAsString());
        assertEquals(
                0.25,
                stored.getAsJsonObject("stackdriverLoggingConfig")
                        .get("samplingRatio")
                        .getAsDouble());

        String cleared = api.patch("/v2/" + queue.getName() + "?updateMask=httpTarget", "{}")
                .body();

        assertFalse(cleared.contains("httpTarget"), cleared);
        assertTrue(cleared.contains("samplingRatio"), cleared);
        assertError(
                api.post(
                        "/v2/" + api.location + "/queues",
                        "{\"name\":\"" + api.location
                                + "/queues/x-"
                                + java.util.UUID.randomUUID().toString().substring(0, 6)
                                + "\",\"httpTarget\":{\"uriOverride\":{\"host\":\"\"}}}"),
                400,
                "INVALID_ARGUMENT",
                "HttpTarget.uriOverride.host must not be empty.");
    }

    @Test
    void refusesUnsupportedFiltersAndTokensOfAnotherFilter() {
        api.createQueue("");
        api.createQueue("");
        ListQueuesResponse first = CourierApi.ok(
                        api.get("/v2/" + api.location + "/queues?pageSize=1"), ListQueuesResponse.newBuilder())
                .build();

        assertError(
                api.get("/v2/" + api.location + "/queues?filter=state:%20PAUSED&pageToken=" + first.getNextPageToken()),
                400,
                "INVALID_ARGUMENT",
                null);
        assertError(api.get("/v2/" + api.location + "/queues?filter=name%3Dx"), 400, "INVALID_ARGUMENT", null);
    }

    @Test
    void usesTheSpecMessagesForRecentlyDeletedNames() {
        Queue queue = api.createQueue("");
        Task task = api.createTask(
                queue,
                "{\"name\":\"" + queue.getName() + "/tasks/gone\"," + LATER
                        + ",\"httpRequest\":{\"url\":\"http://x/\"}}");
        api.delete("/v2/" + task.getName());

        assertError(
                api.get("/v2/" + task.getName()),
                404,
                "NOT_FOUND",
                "The task no longer exists, though a task with "
                        + "this name existed recently. The task either successfully completed or was deleted.");
        assertError(
                api.post(
                        "/v2/" + queue.getName() + "/tasks",
                        "{\"task\":{\"name\":\"" + task.getName() + "\",\"httpRequest\":{\"url\":\"http://x/\"}}}"),
                409,
                "ALREADY_EXISTS",
                "The task cannot be created because a task with this name existed too recently. For more information "
                        + "about task de-duplication see https://cloud.google.com/tasks/docs/reference/rest/v2/"
                        + "projects.locations.queues.tasks/create#body.request_body.FIELDS.task.");

        api.delete("/v2/" + queue.getName());
        assertError(
                api.post("/v2/" + api.location + "/queues", "{\"name\":\"" + queue.getName() + "\"}"),
                400,
                "FAILED_PRECONDITION",
                "The queue cannot be created because a queue with this name existed too recently.");
    }

    @Test
    void bufferTaskNeedsAQueueThatRoutesByItself() {
        Queue queue = api.createQueue("");

        assertError(api.post("/v2/" + queue.getName() + "/tasks:buffer", "payload"), 400, "FAILED_PRECONDITION", null);
    }
}
