package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Tasks that have no broker message: held in the database beyond the reservation window (10 s)
 * and promoted in time, or re-enqueued by the sweeper when their message is lost. The test
 * server's sweeper counts a message as lost 15 s after it was due (see arquillian.xml).
 */
class BacklogIT extends WorkerTest {

    @Test
    void aTaskDueBeyondTheReservationWindowIsPromotedAndArrivesOnTime() throws Exception {
        Queue queue = api.createQueue("");
        Instant due = Instant.now().plusSeconds(25);
        long scheduledBefore = scheduledMessages();

        Task task = api.createTask(
                queue, "{\"scheduleTime\":\"" + due + "\",\"httpRequest\":{\"url\":\"" + sink.url("/later") + "\"}}");

        assertEquals(scheduledBefore, scheduledMessages(), "held in the database, without a broker message");
        Sink.Received got =
                sink.awaitRequests(id(task), 1, Duration.ofSeconds(90)).get(0);
        assertFalse(got.at().isBefore(due), "arrived at " + got.at() + ", due " + due);
        assertTrue(got.at().isBefore(due.plusSeconds(5)), "arrived at " + got.at() + ", due " + due);
    }

    @Test
    void theSweeperReEnqueuesATaskWhoseMessageWasLost() throws Exception {
        Queue queue = api.createQueue("");
        Task task;
        Instant lostAt;
        // The broker's dispatch queue is paused so the message stays there to be lost.
        ManagementCli.run(ManagementCli.ARQUILLIAN_SERVER_PORT, ManagementCli.DISPATCH_QUEUE + ":pause()");
        try {
            task = api.createTask(queue, "{\"httpRequest\":{\"url\":\"" + sink.url("/lost") + "\"}}");
            String removed = ManagementCli.run(
                    ManagementCli.ARQUILLIAN_SERVER_PORT,
                    ManagementCli.DISPATCH_QUEUE + ":remove-messages(filter=\"queueName = '" + queue.getName()
                            + "'\")");
            lostAt = Instant.now();
            assertTrue(removed.contains("\"result\" => 1"), removed);
        } finally {
            ManagementCli.run(ManagementCli.ARQUILLIAN_SERVER_PORT, ManagementCli.DISPATCH_QUEUE + ":resume()");
        }

        Sink.Received got =
                sink.awaitRequests(id(task), 1, Duration.ofSeconds(120)).get(0);
        assertTrue(got.at().isAfter(lostAt.plusSeconds(10)), "delivered by the sweeper, after its grace: " + got.at());
        assertEquals("0", got.header("X-CloudTasks-TaskRetryCount"), "a lost message costs no attempt");
    }

    /** Scheduled (not yet due) messages in the dispatch queue. */
    private static long scheduledMessages() throws Exception {
        String output = ManagementCli.run(
                ManagementCli.ARQUILLIAN_SERVER_PORT,
                ManagementCli.DISPATCH_QUEUE + ":read-attribute(name=scheduled-count)");
        return Long.parseLong(output.replaceAll("(?s).*\"result\" => (\\d+)L?.*", "$1"));
    }

    private static String selectorFor(Queue queue) {
        return "queueName = '" + queue.getName() + "'";
    }
}
