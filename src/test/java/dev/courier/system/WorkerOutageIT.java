package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A worker that is down (its port closed) for two minutes while tasks fall due gets every task
 * once it is back, and meanwhile each task is retried as its queue's retry config says: the gap
 * before each retry is the Cloud Tasks backoff, doubling from {@code minBackoff} and capped at
 * {@code maxBackoff}. Tagged {@code fault}: {@code mvn verify -Pfault-injection} runs it.
 */
@Tag("fault")
class WorkerOutageIT extends OwnServerTest {

    private static final Duration OUTAGE = Duration.ofMinutes(2);
    private static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(16);
    private static final int MAX_DOUBLINGS = 4;
    /** The broker's scheduled delivery is a few ms late at most; the machine is busy. */
    private static final Duration LATE_MARGIN = Duration.ofSeconds(3);

    WorkerOutageIT() {
        super("wildfly-worker-outage", 400);
    }

    /** What GetTask showed after one failed attempt. */
    record FailedAttempt(int number, Instant dispatched, Instant answered, int statusCode, Instant retryAt) {}

    @Test
    void everyTaskIsDeliveredAfterTheWorkerReturnsAndRetriesFollowTheBackoff() throws Exception {
        CourierApi api = new CourierApi(server.baseUrl());
        Queue queue = api.createQueue("\"retryConfig\":{\"maxAttempts\":-1,\"minBackoff\":\"" + MIN_BACKOFF.toSeconds()
                + "s\",\"maxBackoff\":\"" + MAX_BACKOFF.toSeconds() + "s\",\"maxDoublings\":" + MAX_DOUBLINGS + "}");

        sink.goDown();
        Instant outageEnds = Instant.now().plus(OUTAGE);
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // Half due at once, half falling due during the outage, 15 s to 90 s into it.
            Instant due = i < 6 ? Instant.now() : Instant.now().plusSeconds(15L * (i - 5));
            tasks.add(api.createTask(
                    queue,
                    "{\"scheduleTime\":\"" + due + "\",\"httpRequest\":{\"url\":\"" + sink.url("/outage") + "\"}}"));
        }
        Map<String, Map<Integer, FailedAttempt>> failures = watchFailures(api, tasks, outageEnds);
        sink.comeBack();
        Instant back = Instant.now();

        List<Sink.Received> deliveries =
                sink.await(r -> r.path().equals("/outage"), tasks.size(), MAX_BACKOFF.plus(Duration.ofSeconds(45)));
        Thread.sleep(2_000); // anything extra would show up now
        deliveries = sink.matching(r -> r.path().equals("/outage"));
        Map<String, List<Sink.Received>> byTask = deliveries.stream()
                .collect(Collectors.groupingBy(Sink.Received::taskName, TreeMap::new, Collectors.toList()));

        int gapsChecked = 0;
        for (Task task : tasks) {
            String id = CourierApi.taskId(task);
            List<Sink.Received> got = byTask.getOrDefault(id, List.of());
            assertEquals(1, got.size(), "deliveries of " + id + " after the worker came back");
            Map<Integer, FailedAttempt> failed = failures.get(id);
            assertTrue(failed.size() >= 2, id + " was retried during the outage: " + failed.values());
            gapsChecked += assertRetriesFollowBackoff(id, failed);
            int lastFailed =
                    failed.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
            Sink.Received delivery = got.get(0);
            assertTrue(
                    Integer.parseInt(delivery.header("X-CloudTasks-TaskRetryCount")) >= lastFailed,
                    id + " retry count " + delivery.header("X-CloudTasks-TaskRetryCount") + " after " + lastFailed
                            + " failed attempts");
            assertEquals("0", delivery.header("X-CloudTasks-TaskPreviousResponse"), "the worker was unreachable");
            assertEquals("0", delivery.header("X-CloudTasks-TaskExecutionCount"), "no attempt reached the worker");
            assertEquals(404, api.get("/v2/" + task.getName()).status(), id + " is done and gone");
        }
        assertTrue(gapsChecked >= 3 * tasks.size(), "retry gaps checked: " + gapsChecked);

        Duration lastDelivery = Duration.between(
                back,
                deliveries.stream()
                        .map(Sink.Received::at)
                        .max(Instant::compareTo)
                        .orElseThrow());
        int attempts = failures.values().stream().mapToInt(Map::size).sum();
        System.out.printf(
                "Worker outage (%s): %d tasks, %d failed attempts seen during %s down (%d retry gaps "
                        + "checked), all delivered once within %s after the worker came back%n",
                System.getProperty("courier.db", "h2"), tasks.size(), attempts, OUTAGE, gapsChecked, lastDelivery);
    }

    /**
     * Polls the tasks until {@code until}, recording each failed attempt that GetTask shows
     * (attempts are at least {@link #MIN_BACKOFF} apart, so polling four times as often sees each).
     */
    private static Map<String, Map<Integer, FailedAttempt>> watchFailures(
            CourierApi api, List<Task> tasks, Instant until) throws InterruptedException {
        Map<String, Map<Integer, FailedAttempt>> seen = new TreeMap<>();
        tasks.forEach(task -> seen.put(CourierApi.taskId(task), new TreeMap<>()));
        while (Instant.now().isBefore(until)) {
            for (Task task : tasks) {
                Task now = CourierApi.ok(api.get("/v2/" + task.getName()), Task.newBuilder())
                        .build();
                if (now.hasLastAttempt() && now.getLastAttempt().hasResponseTime()) {
                    seen.get(CourierApi.taskId(task))
                            .putIfAbsent(
                                    now.getDispatchCount(),
                                    new FailedAttempt(
                                            now.getDispatchCount(),
                                            instant(now.getLastAttempt().getDispatchTime()),
                                            instant(now.getLastAttempt().getResponseTime()),
                                            now.getLastAttempt()
                                                    .getResponseStatus()
                                                    .getCode(),
                                            instant(now.getScheduleTime())));
                }
            }
            Thread.sleep(250);
        }
        return seen;
    }

    /** Checks each failed attempt's retry time and each retry's dispatch; returns the gaps checked. */
    private static int assertRetriesFollowBackoff(String id, Map<Integer, FailedAttempt> failed) {
        int gaps = 0;
        for (FailedAttempt attempt : failed.values()) {
            assertEquals(14, attempt.statusCode(), id + " attempt " + attempt.number() + " is UNAVAILABLE");
            Duration planned = Duration.between(attempt.answered(), attempt.retryAt());
            Duration expected = backoff(attempt.number());
            assertTrue(
                    planned.minus(expected).abs().toMillis() <= 10,
                    id + " after attempt " + attempt.number() + " waits " + planned + ", the backoff is " + expected);
            FailedAttempt next = failed.get(attempt.number() + 1);
            if (next != null) {
                Duration gap = Duration.between(attempt.answered(), next.dispatched());
                assertTrue(
                        gap.compareTo(expected.minusMillis(5)) >= 0,
                        id + " retried " + gap + " after attempt " + attempt.number() + ", before its backoff "
                                + expected);
                assertTrue(
                        gap.compareTo(expected.plus(LATE_MARGIN)) <= 0,
                        id + " retried " + gap + " after attempt " + attempt.number() + ", backoff " + expected);
                gaps++;
            }
        }
        return gaps;
    }

    /** Cloud Tasks' wait after the k-th failed attempt: doubling, then linear, capped. */
    private static Duration backoff(int k) {
        long factor = (1L << Math.min(k - 1, MAX_DOUBLINGS)) * Math.max(1, k - MAX_DOUBLINGS);
        Duration delay = MIN_BACKOFF.multipliedBy(factor);
        return delay.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : delay;
    }

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
