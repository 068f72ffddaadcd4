package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-queue rate and concurrency limits, with generous margins; the benchmark measures them precisely. */
class ThrottlingIT extends WorkerTest {

    @Test
    void aTenPerSecondQueueReleasesTwoHundredDueTasksInAboutTwentySeconds() throws Exception {
        Queue queue = api.createQueue("\"rateLimits\":{\"maxDispatchesPerSecond\":10}");
        api.post("/v2/" + queue.getName() + ":pause", "{}");
        for (int i = 0; i < 200; i++) {
            api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/rated") + "\"}}");
        }

        api.post("/v2/" + queue.getName() + ":resume", "{}");

        List<Sink.Received> received = sink.await(r -> r.path().equals("/rated"), 200, Duration.ofSeconds(60)).stream()
                .sorted(Comparator.comparing(Sink.Received::at))
                .toList();
        List<Instant> arrivals = received.stream().map(Sink.Received::at).toList();
        Duration span = Duration.between(arrivals.get(0), arrivals.get(199));
        assertTrue(
                span.compareTo(Duration.ofSeconds(19)) >= 0 && span.compareTo(Duration.ofSeconds(21)) <= 0,
                "200 tasks at 10/s (burst 2) took " + span);
        int burst = queue.getRateLimits().getMaxBurstSize();
        for (int i = 0; i < arrivals.size(); i++) {
            double elapsed = Duration.between(arrivals.get(0), arrivals.get(i)).toMillis() / 1000.0;
            // The calendar's bound is burst + 1 + rate x elapsed; one more for the jitter of delivery.
            assertTrue(
                    i + 1 <= burst + 10 * elapsed + 2,
                    (i + 1) + " dispatches after " + elapsed + " s: "
                            + received.subList(0, i + 1).stream()
                                    .map(r -> r.header("X-CloudTasks-TaskName") + "@" + r.at())
                                    .toList());
        }
    }

    @Test
    void aConcurrencyTwoQueueNeverHasMoreThanTwoRequestsInFlight() throws Exception {
        Queue queue = api.createQueue("\"rateLimits\":{\"maxConcurrentDispatches\":2}");
        sink.otherwise(Sink.Reply.of(200).after(Duration.ofMillis(700)));

        for (int i = 0; i < 8; i++) {
            api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/slow") + "\"}}");
        }

        List<Sink.Received> got = sink.await(r -> r.path().equals("/slow"), 8, Duration.ofSeconds(60));
        assertEquals(8, got.size());
        assertEquals(2, sink.peakInProgress(), "peak requests in flight");
        Duration span = Duration.between(got.get(0).at(), got.get(7).at());
        assertTrue(span.compareTo(Duration.ofMillis(2000)) >= 0, "8 tasks two at a time, 0.7 s each, took " + span);
        Thread.sleep(1000);
        assertEquals(8, sink.matching(r -> r.path().equals("/slow")).size(), "each task once");
    }

    @Test
    void aTaskWaitingForAConcurrencySlotTakesTheSlotOfTheAttemptThatEnds() throws Exception {
        Queue queue = api.createQueue("\"rateLimits\":{\"maxConcurrentDispatches\":1}");
        sink.otherwise(Sink.Reply.of(200).after(Duration.ofMillis(100)));
        api.post("/v2/" + queue.getName() + ":pause", "{}");
        for (int i = 0; i < 20; i++) {
            api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/one-at-a-time") + "\"}}");
        }

        api.post("/v2/" + queue.getName() + ":resume", "{}");

        List<Sink.Received> got = sink.await(r -> r.path().equals("/one-at-a-time"), 20, Duration.ofSeconds(90));
        assertEquals(20, got.size());
        assertEquals(1, sink.peakInProgress(), "peak requests in flight");
        // One after the other, 0.1 s each plus the hand-over: 3 to 9 s seen (H2, PostgreSQL). Were
        // waiting tasks only picked up by the once-a-second safety net, as they once were when the
        // queue was at its limit, 19 s or more.
        Duration span = Duration.between(got.get(0).at(), got.get(19).at());
        assertTrue(span.compareTo(Duration.ofSeconds(15)) < 0, "20 tasks one at a time, 0.1 s each, took " + span);
    }

    @Test
    void aSlowWorkerDoesNotStallOtherQueues() throws Exception {
        try (Sink slow = new Sink()) {
            slow.otherwise(Sink.Reply.of(200).after(Duration.ofSeconds(8)));
            Queue stuck = api.createQueue("\"retryConfig\":{\"maxAttempts\":1}");
            for (int i = 0; i < 80; i++) {
                api.createTask(stuck, "{\"httpRequest\":{\"url\":\"" + slow.url("/slow") + "\"}}");
            }
            slow.await(r -> true, 40, Duration.ofSeconds(30));
            Queue other = api.createQueue("");

            Instant created = Instant.now();
            api.createTask(other, "{\"httpRequest\":{\"url\":\"" + sink.url("/fast") + "\"}}");

            Instant arrived = sink.await(r -> r.path().equals("/fast"), 1, Duration.ofSeconds(30))
                    .get(0)
                    .at();
            assertTrue(
                    Duration.between(created, arrived).compareTo(Duration.ofSeconds(2)) < 0,
                    "another queue's task waited " + Duration.between(created, arrived));
            api.delete("/v2/" + stuck.getName());
        }
    }
}
