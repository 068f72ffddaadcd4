package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a worker sees behind Courier is what it would see behind Cloud Tasks: the retry schedule,
 * the header sequence, deadlines, and system throttling on 429/503.
 */
class DeliverySemanticsIT extends WorkerTest {

    private Task get(Task task) {
        return CourierApi.ok(api.get("/v2/" + task.getName()), Task.newBuilder())
                .build();
    }

    @Test
    void aScriptedWorkerSeesCloudTasksHeadersAndRetryGaps() throws Exception {
        Queue queue =
                api.createQueue("\"retryConfig\":{\"minBackoff\":\"1s\",\"maxBackoff\":\"8s\",\"maxDoublings\":2}");
        sink.answering(503, 404, 429, 500, 302, 200);

        Task task = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/scripted") + "\"}}");

        List<Sink.Received> got = sink.awaitRequests(id(task), 6, Duration.ofSeconds(90));
        assertEquals(List.of("0", "1", "2", "3", "4", "5"), headers(got, "X-CloudTasks-TaskRetryCount"));
        assertEquals(List.of("0", "0", "1", "2", "2", "3"), headers(got, "X-CloudTasks-TaskExecutionCount"));
        assertEquals(
                Arrays.asList(null, "503", "404", "429", "500", "302"),
                headers(got, "X-CloudTasks-TaskPreviousResponse"));
        long[] expectedMillis = {1000, 2000, 4000, 8000, 8000};
        List<Long> errors = new ArrayList<>();
        for (int k = 1; k < got.size(); k++) {
            long gap = Duration.between(got.get(k - 1).at(), got.get(k).at()).toMillis();
            errors.add(gap - expectedMillis[k - 1]);
            assertTrue(gap >= expectedMillis[k - 1] - 50, "retry " + k + " came " + gap + " ms after the failure");
            assertTrue(gap <= expectedMillis[k - 1] + 1000, "retry " + k + " came " + gap + " ms after the failure");
        }
        System.out.println("Retry gap error (ms) for min 1 s, max 8 s, 2 doublings: " + errors);
    }

    @Test
    void aMissedDeadlineIsAFailureReportedAs504() throws Exception {
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"1s\",\"maxBackoff\":\"1s\"}");
        sink.replying(Sink.Reply.of(200).after(Duration.ofSeconds(25)));

        Task task = api.createTask(
                queue, "{\"dispatchDeadline\":\"15s\",\"httpRequest\":{\"url\":\"" + sink.url("/slow") + "\"}}");

        List<Sink.Received> got = sink.awaitRequests(id(task), 2, Duration.ofSeconds(60));
        Duration gap = Duration.between(got.get(0).at(), got.get(1).at());
        assertTrue(gap.compareTo(Duration.ofSeconds(15)) >= 0, "abandoned only at the deadline: " + gap);
        assertTrue(gap.compareTo(Duration.ofSeconds(22)) < 0, "abandoned at the deadline, not at the answer: " + gap);
        assertEquals("504", got.get(1).header("X-CloudTasks-TaskPreviousResponse"));
        assertEquals("0", got.get(1).header("X-CloudTasks-TaskExecutionCount"));
    }

    @Test
    void anOverloadedWorkerSlowsItsQueueAndRetryAfterIsHonoured() throws Exception {
        Queue queue = api.createQueue("\"rateLimits\":{\"maxDispatchesPerSecond\":100}");
        sink.replying(Sink.Reply.of(503).retryAfter("3"));

        Task first = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/busy") + "\"}}");
        Instant refused =
                sink.awaitRequests(id(first), 1, Duration.ofSeconds(30)).get(0).at();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(id(api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/busy") + "\"}}")));
        }

        List<Sink.Received> later = sink.await(r -> others.contains(r.taskName()), 5, Duration.ofSeconds(30));
        Sink.Received retry =
                sink.awaitRequests(id(first), 2, Duration.ofSeconds(30)).get(1);
        Instant holdEnds = refused.plusSeconds(3).minusMillis(200);
        later.forEach(r -> assertFalse(
                r.at().isBefore(holdEnds),
                "a task of the queue went at " + r.at() + " though the worker asked for a pause until "
                        + refused.plusSeconds(3)));
        assertFalse(retry.at().isBefore(holdEnds), "the refused task retried at " + retry.at());
        Queue after = CourierApi.ok(api.get("/v2/" + queue.getName()), Queue.newBuilder())
                .build();
        assertEquals(100, after.getRateLimits().getMaxDispatchesPerSecond(), "the user's limits are unchanged");
    }

    @Test
    void aFailedRunTaskIsRetriedAfterTheQueuesRetryDelay() throws Exception {
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"30s\",\"maxBackoff\":\"30s\"}");
        api.post("/v2/" + queue.getName() + ":pause", "{}");
        sink.answering(500);
        Task task = api.createTask(
                queue,
                "{\"scheduleTime\":\"" + Instant.now().plusSeconds(86_400) + "\",\"httpRequest\":{\"url\":\""
                        + sink.url("/run") + "\"}}");

        Instant ran = Instant.now();
        assertEquals(200, api.post("/v2/" + task.getName() + ":run", "{}").status());

        sink.awaitRequests(id(task), 1, Duration.ofSeconds(30));
        Task seen = awaitResponse(task);
        Instant retryAt = Instant.ofEpochSecond(
                seen.getScheduleTime().getSeconds(), seen.getScheduleTime().getNanos());
        assertEquals(1, seen.getDispatchCount());
        assertTrue(
                retryAt.isAfter(ran.plusSeconds(29)) && retryAt.isBefore(ran.plusSeconds(40)),
                "rescheduled to the run time plus 30 s: " + retryAt);
    }

    @Test
    void updatedRetryConfigAppliesToTheNextRetryOfExistingTasks() throws Exception {
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"60s\",\"maxBackoff\":\"60s\"}");
        sink.answering(500, 500);
        Task task = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/updated") + "\"}}");
        sink.awaitRequests(id(task), 1, Duration.ofSeconds(30));
        awaitResponse(task);

        api.patch(
                "/v2/" + queue.getName() + "?updateMask=retryConfig.minBackoff,retryConfig.maxBackoff",
                "{\"retryConfig\":{\"minBackoff\":\"0.5s\",\"maxBackoff\":\"0.5s\"}}");
        assertEquals(200, api.post("/v2/" + task.getName() + ":run", "{}").status());

        List<Sink.Received> got = sink.awaitRequests(id(task), 3, Duration.ofSeconds(30));
        assertTrue(
                Duration.between(got.get(1).at(), got.get(2).at()).compareTo(Duration.ofSeconds(5)) < 0,
                "the retry after the update used the new 0.5 s backoff");
    }

    private Task awaitResponse(Task task) throws InterruptedException {
        Instant giveUp = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(giveUp)) {
            Task seen = get(task);
            if (seen.getLastAttempt().hasResponseTime()) {
                return seen;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no response recorded for " + task.getName());
    }

    private static List<String> headers(List<Sink.Received> requests, String name) {
        return requests.stream().map(r -> r.header(name)).toList();
    }
}
