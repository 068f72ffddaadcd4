package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fairness between queues when more tasks are due than the node dispatches at once: the tasks of
 * a queue's backlog (slots well after their due time) yield, in the broker, to another queue's
 * task that is due now. The broker's dispatch queue is paused while the backlog's slots pass, so
 * every message is ready at once, as on a saturated node.
 */
class FairnessIT extends WorkerTest {

    private static final int BACKLOG = 500;

    @Test
    void aTaskDueNowOvertakesAnotherQueuesBacklog() throws Exception {
        // At 500/s a queue's burst is 100 tasks; of 500 tasks due together, about 350 get slots
        // more than the tolerance after their due time: a backlog.
        Queue busy = api.createQueue("\"rateLimits\":{\"maxDispatchesPerSecond\":500}");
        Queue quiet = api.createQueue("");
        Instant due = Instant.now().plusSeconds(9);
        Instant quietDue = due.plusSeconds(1); // after every slot of the backlog
        Task onTime;
        ManagementCli.run(ManagementCli.ARQUILLIAN_SERVER_PORT, ManagementCli.DISPATCH_QUEUE + ":pause()");
        try {
            for (int i = 0; i < BACKLOG; i++) {
                api.createTask(busy, task(due, "/busy"));
            }
            onTime = api.createTask(quiet, task(quietDue, "/quiet"));
            Duration untilAllReady = Duration.between(Instant.now(), quietDue.plusSeconds(2));
            Thread.sleep(Math.max(0, untilAllReady.toMillis()));
        } finally {
            ManagementCli.run(ManagementCli.ARQUILLIAN_SERVER_PORT, ManagementCli.DISPATCH_QUEUE + ":resume()");
        }

        Sink.Received quietArrival =
                sink.awaitRequests(id(onTime), 1, Duration.ofSeconds(60)).get(0);
        List<Sink.Received> busyArrivals =
                sink.await(r -> r.path().startsWith("/busy"), BACKLOG, Duration.ofSeconds(120));
        assertEquals(BACKLOG, busyArrivals.size());
        long busyBefore = busyArrivals.stream()
                .filter(r -> r.at().isBefore(quietArrival.at()))
                .count();
        System.out.printf(
                "FairnessIT: %d of the busy queue's %d tasks arrived before the quiet queue's task%n",
                busyBefore, BACKLOG);
        // In due order it would come last (500 before it, give or take the sessions working in
        // parallel); overtaking the backlog, it comes after the busy queue's ~150 on-time tasks.
        assertTrue(
                busyBefore < 350,
                busyBefore + " of the busy queue's " + BACKLOG + " tasks arrived before the quiet "
                        + "queue's task; first busy arrival "
                        + busyArrivals.stream()
                                .map(Sink.Received::at)
                                .min(Comparator.naturalOrder())
                                .orElseThrow() + ", quiet arrival " + quietArrival.at());
    }

    private String task(Instant due, String path) {
        return "{\"scheduleTime\":\"" + due + "\",\"httpRequest\":{\"url\":\"" + sink.url(path) + "\"}}";
    }
}
