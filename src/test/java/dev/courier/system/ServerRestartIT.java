package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scheduled tasks survive the server going away, gracefully or not: each is delivered once the
 * server is back, and not before its schedule time. Runs its own WildFly (port offset 200).
 */
class ServerRestartIT extends OwnServerTest {

    ServerRestartIT() {
        super("wildfly-restart", 200);
    }

    @Test
    void scheduledTasksAreDeliveredAfterAStopAndAfterAKill() throws Exception {
        CourierApi api = new CourierApi(server.baseUrl());
        Queue queue = api.createQueue("");
        // Due only after both restarts (each boot takes about 20 s): no attempt is in flight at the
        // kill, so each task must arrive exactly once.
        Instant firstDue = Instant.now().plusSeconds(75);
        Task first = api.createTask(queue, task(firstDue));

        server.stop();
        server.start();
        Instant secondDue = Instant.now().plusSeconds(15);
        Task second = api.createTask(queue, task(secondDue));

        server.kill();
        server.start();

        assertDeliveredOnceNotBefore(first, firstDue);
        assertDeliveredOnceNotBefore(second, secondDue);
    }

    private String task(Instant due) {
        return "{\"scheduleTime\":\"" + due + "\",\"httpRequest\":{\"url\":\"" + sink.url("/after-restart") + "\"}}";
    }

    private void assertDeliveredOnceNotBefore(Task task, Instant due) throws InterruptedException {
        String id = CourierApi.taskId(task);
        List<Sink.Received> got = sink.awaitRequests(id, 1, Duration.ofSeconds(180));
        assertFalse(got.get(0).at().isBefore(due), "delivered at " + got.get(0).at() + ", due " + due);
        Thread.sleep(500);
        assertEquals(1, sink.requestsFor(id).size(), "delivered exactly once");
    }
}
