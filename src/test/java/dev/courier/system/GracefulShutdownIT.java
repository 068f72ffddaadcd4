package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.ListTasksResponse;
import com.google.cloud.tasks.v2.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Stopping the server (SIGTERM) while calls to a slow worker are in flight leaves nothing
 * half-recorded: after a restart every task is completed by a 2xx, none is lost, and tasks whose
 * call had completed before the stop are not run again. Calls in flight at the stop are cut off
 * with the process (a call holds no consumer, so WildFly's suspend does not wait for it); their
 * tasks run again right after the restart (at-least-once); the test reports how many, and how long
 * the stop took. Tagged {@code fault}: {@code mvn verify -Pfault-injection} runs it.
 */
@Tag("fault")
class GracefulShutdownIT extends OwnServerTest {

    private static final Duration WORKER_TIME = Duration.ofSeconds(5);
    private static final int TASKS_PER_GROUP = 8;

    GracefulShutdownIT() {
        super("wildfly-shutdown", 500);
    }

    @Test
    void aStopWithCallsInFlightLosesNothingAndRepeatsNothingFinished() throws Exception {
        CourierApi api = new CourierApi(server.baseUrl());
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"1s\",\"maxBackoff\":\"5s\"}");
        sink.otherwise(Sink.Reply.of(200).after(WORKER_TIME));

        List<String> finished = createTasks(api, queue, "finished", Instant.now());
        sink.await(onPath("/finished"), TASKS_PER_GROUP, Duration.ofSeconds(60));
        awaitGone(api, queue, finished, Duration.ofSeconds(60)); // the outcomes are recorded

        List<String> inFlight = createTasks(api, queue, "in-flight", Instant.now());
        sink.await(onPath("/in-flight"), TASKS_PER_GROUP, Duration.ofSeconds(60));
        Thread.sleep(1_000); // mid-call: about four seconds of work left in each
        Instant due = Instant.now().plusSeconds(60);
        List<String> later = createTasks(api, queue, "later", due);

        Instant stopping = Instant.now();
        server.stop();
        Instant stopped = Instant.now();
        long answeredBeforeExit = sink.answered().stream()
                .filter(a -> a.request().path().equals("/in-flight") && a.at().isBefore(stopped))
                .count();
        server.start();
        Instant restarted = Instant.now();

        List<String> all = new ArrayList<>(finished);
        all.addAll(inFlight);
        all.addAll(later);
        awaitGone(api, queue, all, Duration.ofSeconds(180));
        Thread.sleep(2_000); // anything extra would show up now

        for (String id : finished) {
            assertEquals(1, sink.requestsFor(id).size(), id + " had completed before the stop: run again");
        }
        int duplicates = 0;
        for (String id : inFlight) {
            assertTrue(answeredWith2xx(id), id + " was never answered 2xx");
            duplicates += sink.requestsFor(id).size() > 1 ? 1 : 0;
        }
        for (String id : later) {
            List<Sink.Received> got = sink.requestsFor(id);
            assertEquals(1, got.size(), id + " scheduled for after the restart");
            assertFalse(
                    got.get(0).at().isBefore(due),
                    id + " delivered at " + got.get(0).at() + ", due " + due);
        }
        ListTasksResponse left = CourierApi.ok(
                        api.get("/v2/" + queue.getName() + "/tasks"), ListTasksResponse.newBuilder())
                .build();
        assertEquals(0, left.getTasksCount(), "tasks left over: " + left.getTasksList());
        Duration stopTook = Duration.between(stopping, stopped);
        assertTrue(stopTook.compareTo(Duration.ofSeconds(60)) < 0, "the stop took " + stopTook);

        System.out.printf(
                "Graceful shutdown (%s): SIGTERM with %d calls in flight (%s each) took %s; %d of those "
                        + "calls were answered before the JVM exited; %d were made again after the restart; "
                        + "restart took %s; %d tasks completed before the stop ran once; %d tasks due after the "
                        + "restart ran once%n",
                System.getProperty("courier.db", "h2"),
                inFlight.size(),
                WORKER_TIME,
                stopTook,
                answeredBeforeExit,
                duplicates,
                Duration.between(stopped, restarted),
                finished.size(),
                later.size());
    }

    private List<String> createTasks(CourierApi api, Queue queue, String path, Instant due) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < TASKS_PER_GROUP; i++) {
            ids.add(CourierApi.taskId(api.createTask(
                    queue,
                    "{\"scheduleTime\":\"" + due + "\",\"httpRequest\":{\"url\":\"" + sink.url("/" + path) + "\"}}")));
        }
        return ids;
    }

    private boolean answeredWith2xx(String id) {
        return sink.answered().stream().anyMatch(a -> id.equals(a.request().taskName()) && a.status() / 100 == 2);
    }

    /** Waits until GetTask finds none of the tasks: each finished and its outcome recorded. */
    private static void awaitGone(CourierApi api, Queue queue, List<String> ids, Duration timeout)
            throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        List<String> remaining = new ArrayList<>(ids);
        while (!remaining.isEmpty() && Instant.now().isBefore(giveUp)) {
            remaining.removeIf(
                    id -> api.get("/v2/" + queue.getName() + "/tasks/" + id).status() == 404);
            Thread.sleep(500);
        }
        assertEquals(List.of(), remaining, "tasks not completed within " + timeout);
    }

    private static Predicate<Sink.Received> onPath(String path) {
        return r -> r.path().equals(path);
    }
}
