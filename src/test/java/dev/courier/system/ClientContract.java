package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.location.GetLocationRequest;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.Location;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.GetTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.ListQueuesRequest;
import com.google.cloud.tasks.v2.ListTasksRequest;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RateLimits;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.cloud.tasks.v2.RunTaskRequest;
import com.google.cloud.tasks.v2.Task;
import com.google.iam.v1.Binding;
import com.google.iam.v1.Policy;
import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Google's official Java client, changed only in its endpoint, against Courier: every RPC it has,
 * field round-trips and the error codes it surfaces. One suite, run over each transport by a
 * subclass. Over REST the Java client maps errors from the HTTP status alone (409 arrives as
 * ABORTED, every 400 as INVALID_ARGUMENT), so exact messages are checked over plain HTTP in
 * {@link ApiIT}.
 */
abstract class ClientContract extends CourierDeployment {

    /** How a transport reports a canonical code to the client. */
    enum Transport {
        REST,
        GRPC;

        StatusCode.Code seenAs(StatusCode.Code code) {
            if (this == GRPC) {
                return code;
            }
            return switch (code) {
                case ALREADY_EXISTS -> StatusCode.Code.ABORTED;
                case FAILED_PRECONDITION, OUT_OF_RANGE -> StatusCode.Code.INVALID_ARGUMENT;
                default -> code;
            };
        }
    }

    private CloudTasksClient client;
    private final String location =
            "projects/contract/locations/loc-" + UUID.randomUUID().toString().substring(0, 8);

    abstract Transport transport();

    /** The client settings builder for the transport, pointed at the test server. */
    abstract CloudTasksSettings.Builder settings() throws Exception;

    @BeforeEach
    void connect() throws Exception {
        CloudTasksSettings.Builder settings = settings().setCredentialsProvider(NoCredentialsProvider.create());
        // No client-side retries: each test sees the server's first answer.
        settings.applyToAllUnaryMethods(method -> {
            method.setRetryableCodes(Set.of());
            return null;
        });
        client = CloudTasksClient.create(settings.build());
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private String queueName() {
        return location + "/queues/q-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Queue newQueue() {
        return client.createQueue(
                location, Queue.newBuilder().setName(queueName()).build());
    }

    private static Task.Builder httpTask(String url) {
        return Task.newBuilder().setHttpRequest(HttpRequest.newBuilder().setUrl(url));
    }

    private static Timestamp inOneDay() {
        return Timestamps.fromMillis(Instant.now().plusSeconds(86_400).toEpochMilli());
    }

    /** Asserts the call fails with the canonical {@code code}, as this transport reports it. */
    private void assertFails(StatusCode.Code code, Runnable call) {
        ApiException e = assertThrows(ApiException.class, call::run);
        assertEquals(transport().seenAs(code), e.getStatusCode().getCode(), e.getMessage());
    }

    @Test
    void createsAndReadsAQueueWithItsRateLimitsAndRetryConfig() {
        Queue requested = Queue.newBuilder()
                .setName(queueName())
                .setRateLimits(
                        RateLimits.newBuilder().setMaxDispatchesPerSecond(7).setMaxConcurrentDispatches(3))
                .setRetryConfig(RetryConfig.newBuilder()
                        .setMaxAttempts(-1)
                        .setMinBackoff(Duration.newBuilder().setNanos(500_000_000))
                        .setMaxBackoff(Duration.newBuilder().setSeconds(10))
                        .setMaxDoublings(2)
                        .setMaxRetryDuration(Duration.newBuilder().setSeconds(60)))
                .build();

        Queue created = client.createQueue(location, requested);

        assertEquals(7, created.getRateLimits().getMaxDispatchesPerSecond());
        assertEquals(2, created.getRateLimits().getMaxBurstSize());
        assertEquals(3, created.getRateLimits().getMaxConcurrentDispatches());
        assertEquals(requested.getRetryConfig(), created.getRetryConfig());
        assertEquals(Queue.State.RUNNING, created.getState());
        assertEquals(created, client.getQueue(created.getName()));
    }

    @Test
    void aQueueWithOnlyANameHasTheDefaults() {
        Queue queue = newQueue();

        assertEquals(
                RateLimits.newBuilder()
                        .setMaxDispatchesPerSecond(500)
                        .setMaxBurstSize(100)
                        .setMaxConcurrentDispatches(1000)
                        .build(),
                queue.getRateLimits());
        assertEquals(
                RetryConfig.newBuilder()
                        .setMaxAttempts(100)
                        .setMinBackoff(Duration.newBuilder().setNanos(100_000_000))
                        .setMaxBackoff(Duration.newBuilder().setSeconds(3600))
                        .setMaxDoublings(16)
                        .build(),
                queue.getRetryConfig());
    }

    @Test
    void updatesOnlyTheMaskedFieldsAndRecomputesTheBurst() {
        Queue queue = newQueue();

        Queue updated = client.updateQueue(
                queue.toBuilder()
                        .setRateLimits(RateLimits.newBuilder().setMaxDispatchesPerSecond(50))
                        .setRetryConfig(RetryConfig.newBuilder().setMaxAttempts(3))
                        .build(),
                FieldMask.newBuilder()
                        .addPaths("rate_limits.max_dispatches_per_second")
                        .build());

        assertEquals(50, updated.getRateLimits().getMaxDispatchesPerSecond());
        assertEquals(10, updated.getRateLimits().getMaxBurstSize());
        assertEquals(1000, updated.getRateLimits().getMaxConcurrentDispatches());
        assertEquals(100, updated.getRetryConfig().getMaxAttempts(), "not in the mask");
        assertEquals(updated, client.getQueue(queue.getName()));
    }

    @Test
    void updateCreatesAMissingQueue() {
        String name = queueName();

        Queue created = client.updateQueue(
                Queue.newBuilder()
                        .setName(name)
                        .setRetryConfig(RetryConfig.newBuilder().setMaxAttempts(4))
                        .build(),
                FieldMask.getDefaultInstance());

        assertEquals(4, created.getRetryConfig().getMaxAttempts());
        assertEquals(created, client.getQueue(name));
    }

    @Test
    void pausesResumesAndPurgesQueues() {
        Queue queue = newQueue();
        Task task = client.createTask(
                queue.getName(),
                httpTask("http://127.0.0.1:9/x").setScheduleTime(inOneDay()).build());

        assertEquals(Queue.State.PAUSED, client.pauseQueue(queue.getName()).getState());
        assertEquals(Queue.State.PAUSED, client.getQueue(queue.getName()).getState());
        assertEquals(Queue.State.RUNNING, client.resumeQueue(queue.getName()).getState());

        Queue purged = client.purgeQueue(queue.getName());
        assertTrue(purged.hasPurgeTime());
        assertFails(StatusCode.Code.NOT_FOUND, () -> client.getTask(task.getName()));
        assertFalse(client.listTasks(queue.getName()).iterateAll().iterator().hasNext());
    }

    @Test
    void listsQueuesWithAStateFilterAndPaging() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            all.add(newQueue().getName());
        }
        client.pauseQueue(all.get(1));
        client.pauseQueue(all.get(3));

        List<String> listed = new ArrayList<>();
        client.listQueues(ListQueuesRequest.newBuilder()
                        .setParent(location)
                        .setPageSize(1)
                        .build())
                .iterateAll()
                .forEach(q -> listed.add(q.getName()));
        List<String> paused = new ArrayList<>();
        client.listQueues(ListQueuesRequest.newBuilder()
                        .setParent(location)
                        .setFilter("state: PAUSED")
                        .build())
                .iterateAll()
                .forEach(q -> paused.add(q.getName()));
        List<String> running = new ArrayList<>();
        client.listQueues(ListQueuesRequest.newBuilder()
                        .setParent(location)
                        .setFilter("state = RUNNING")
                        .build())
                .iterateAll()
                .forEach(q -> running.add(q.getName()));

        assertEquals(all.stream().sorted().toList(), listed);
        assertEquals(List.of(all.get(1), all.get(3)).stream().sorted().toList(), paused);
        assertEquals(List.of(all.get(0), all.get(2)).stream().sorted().toList(), running);
    }

    @Test
    void deletedQueuesAreGoneAndTheirNamesBlocked() {
        Queue queue = newQueue();

        client.deleteQueue(queue.getName());

        assertFails(StatusCode.Code.NOT_FOUND, () -> client.getQueue(queue.getName()));
        assertFails(StatusCode.Code.NOT_FOUND, () -> client.deleteQueue(queue.getName()));
        assertFails(StatusCode.Code.FAILED_PRECONDITION, () -> client.createQueue(location, queue));
    }

    @Test
    void aDuplicateQueueIsAConflict() {
        Queue queue = newQueue();

        assertFails(
                StatusCode.Code.ALREADY_EXISTS,
                () -> client.createQueue(
                        location, Queue.newBuilder().setName(queue.getName()).build()));
    }

    @Test
    void taskFieldsRoundTripAndViewsControlTheBody() {
        Queue queue = newQueue();
        Timestamp due = inOneDay();
        Task requested = Task.newBuilder()
                .setName(queue.getName() + "/tasks/round_trip-1")
                .setScheduleTime(due)
                .setDispatchDeadline(Duration.newBuilder().setSeconds(30))
                .setHttpRequest(HttpRequest.newBuilder()
                        .setUrl("https://worker.example/handle?x=1")
                        .setHttpMethod(HttpMethod.PUT)
                        .putHeaders("Content-Type", "application/json")
                        .putHeaders("X-Trace", "t-1")
                        .setBody(ByteString.copyFromUtf8("{\"a\":1}")))
                .build();

        Task created = client.createTask(CreateTaskRequest.newBuilder()
                .setParent(queue.getName())
                .setTask(requested)
                .setResponseView(Task.View.FULL)
                .build());

        assertEquals(requested.getName(), created.getName());
        assertEquals(due, created.getScheduleTime());
        assertEquals(30, created.getDispatchDeadline().getSeconds());
        assertEquals(HttpMethod.PUT, created.getHttpRequest().getHttpMethod());
        assertEquals("t-1", created.getHttpRequest().getHeadersMap().get("X-Trace"));
        assertEquals(
                "Google-Cloud-Tasks", created.getHttpRequest().getHeadersMap().get("User-Agent"));
        assertEquals("{\"a\":1}", created.getHttpRequest().getBody().toStringUtf8());
        assertEquals(Task.View.FULL, created.getView());
        assertEquals(0, created.getDispatchCount());

        Task basic = client.getTask(created.getName());
        assertTrue(basic.getHttpRequest().getBody().isEmpty());
        assertEquals(Task.View.BASIC, basic.getView());
        Task full = client.getTask(GetTaskRequest.newBuilder()
                .setName(created.getName())
                .setResponseView(Task.View.FULL)
                .build());
        assertEquals(created, full);
    }

    @Test
    void pagesThroughTwoAndAHalfThousandTasks() {
        Queue queue = newQueue();
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 2500; i++) {
            created.add(client.createTask(
                            queue.getName(),
                            httpTask("http://127.0.0.1:9/x")
                                    .setScheduleTime(inOneDay())
                                    .build())
                    .getName());
        }

        Set<String> listed = new HashSet<>();
        int pages = 0;
        for (var page : client.listTasks(
                        ListTasksRequest.newBuilder().setParent(queue.getName()).build())
                .iteratePages()) {
            pages++;
            page.getValues().forEach(t -> listed.add(t.getName()));
        }

        assertEquals(2500, created.size());
        assertEquals(created, listed);
        assertEquals(3, pages, "pages of at most 1,000 tasks");
    }

    @Test
    void namesAreDeduplicatedWhileLiveAndAfterDeletion() {
        Queue queue = newQueue();
        Task named = httpTask("http://127.0.0.1:9/x")
                .setName(queue.getName() + "/tasks/once")
                .setScheduleTime(inOneDay())
                .build();
        Task created = client.createTask(queue.getName(), named);

        assertFails(StatusCode.Code.ALREADY_EXISTS, () -> client.createTask(queue.getName(), named));
        client.deleteTask(created.getName());
        assertFails(StatusCode.Code.NOT_FOUND, () -> client.getTask(created.getName()));
        assertFails(StatusCode.Code.NOT_FOUND, () -> client.deleteTask(created.getName()));
        assertFails(StatusCode.Code.ALREADY_EXISTS, () -> client.createTask(queue.getName(), named));
    }

    @Test
    void runTaskDispatchesATaskOfAPausedQueueNow() throws Exception {
        try (Sink sink = new Sink()) {
            Queue queue = newQueue();
            client.pauseQueue(queue.getName());
            Task task = client.createTask(
                    queue.getName(),
                    httpTask(sink.url("/run")).setScheduleTime(inOneDay()).build());
            String id = CourierApi.taskId(task);

            Task ran = client.runTask(
                    RunTaskRequest.newBuilder().setName(task.getName()).build());

            assertEquals(task.getName(), ran.getName());
            sink.awaitRequests(id, 1, java.time.Duration.ofSeconds(30));
        }
    }

    @Test
    void storesIamPoliciesWithoutEnforcingThem() {
        Queue queue = newQueue();
        Policy policy = Policy.newBuilder()
                .addBindings(Binding.newBuilder()
                        .setRole("roles/cloudtasks.enqueuer")
                        .addMembers("user:dev@example.com"))
                .build();

        Policy empty = client.getIamPolicy(queue.getName());
        Policy saved = client.setIamPolicy(queue.getName(), policy);

        assertEquals(0, empty.getBindingsCount());
        assertEquals(policy.getBindingsList(), saved.getBindingsList());
        assertEquals(saved, client.getIamPolicy(queue.getName()));
        assertEquals(
                List.of("cloudtasks.tasks.create"),
                client.testIamPermissions(queue.getName(), List.of("cloudtasks.tasks.create"))
                        .getPermissionsList());
        assertEquals(
                List.of(),
                client.testIamPermissions(location + "/queues/missing", List.of("cloudtasks.tasks.create"))
                        .getPermissionsList());
    }

    @Test
    void servesTheLocationMixin() {
        Queue queue = newQueue();
        String locationId = location.substring(location.lastIndexOf('/') + 1);

        Location got = client.getLocation(
                GetLocationRequest.newBuilder().setName(location).build());
        List<String> listed = new ArrayList<>();
        client.listLocations(ListLocationsRequest.newBuilder()
                        .setName("projects/contract")
                        .build())
                .iterateAll()
                .forEach(l -> listed.add(l.getLocationId()));

        assertEquals(location, got.getName());
        assertEquals(locationId, got.getLocationId());
        assertTrue(listed.contains(locationId), listed + " holds the location of " + queue.getName());
    }

    @Test
    void refusesInvalidRequests() {
        Queue queue = newQueue();
        String parent = queue.getName();

        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createQueue(
                        location,
                        Queue.newBuilder()
                                .setName(location + "/queues/bad_name")
                                .build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createQueue(
                        location,
                        Queue.newBuilder()
                                .setName(queueName())
                                .setRateLimits(RateLimits.newBuilder().setMaxDispatchesPerSecond(501))
                                .build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createQueue(
                        location,
                        Queue.newBuilder()
                                .setName(queueName())
                                .setRateLimits(RateLimits.newBuilder().setMaxConcurrentDispatches(5001))
                                .build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createQueue(
                        location,
                        Queue.newBuilder()
                                .setName(queueName())
                                .setRetryConfig(RetryConfig.newBuilder()
                                        .setMinBackoff(Duration.newBuilder().setSeconds(20))
                                        .setMaxBackoff(Duration.newBuilder().setSeconds(10)))
                                .build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createTask(parent, httpTask("").build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createTask(parent, httpTask("ftp://x/").build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createTask(
                        parent,
                        httpTask("http://x/")
                                .setHttpRequest(HttpRequest.newBuilder()
                                        .setUrl("http://x/")
                                        .setHttpMethod(HttpMethod.GET)
                                        .setBody(ByteString.copyFromUtf8("no")))
                                .build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createTask(
                        parent,
                        httpTask("http://x/")
                                .setDispatchDeadline(Duration.newBuilder().setSeconds(5))
                                .build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createTask(
                        parent,
                        httpTask("http://x/")
                                .setScheduleTime(Timestamps.fromMillis(
                                        Instant.now().plusSeconds(31L * 86_400).toEpochMilli()))
                                .build()));
        assertFails(
                StatusCode.Code.INVALID_ARGUMENT,
                () -> client.createTask(
                        parent,
                        httpTask("http://x/")
                                .setName(location + "/queues/other/tasks/t")
                                .build()));
        assertFails(
                StatusCode.Code.NOT_FOUND,
                () -> client.createTask(
                        location + "/queues/missing", httpTask("http://x/").build()));
        assertFails(StatusCode.Code.NOT_FOUND, () -> client.getTask(parent + "/tasks/missing"));
        assertFails(StatusCode.Code.NOT_FOUND, () -> client.runTask(parent + "/tasks/missing"));
        assertFails(StatusCode.Code.NOT_FOUND, () -> client.pauseQueue(location + "/queues/missing"));
        assertFalse(client.listTasks(parent).iterateAll().iterator().hasNext(), "nothing refused was stored");
    }
}
