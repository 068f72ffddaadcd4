package dev.courier.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Fairness: queue A gets a backlog of due tasks (at its 500/s limit); one task of queue B falls due
 * two seconds later, while A's backlog is being worked through. The figure is how late B's task is.
 */
final class FairnessScenario {

    private FairnessScenario() {}

    static void run(Bench bench) throws Exception {
        int backlog = bench.settings.fairnessBacklog();
        Progress.log(String.format("Fairness: %,d due tasks in queue A, 1 task in queue B", backlog));
        bench.rest.createQueue("fair-a", 500, 1000);
        bench.rest.createQueue("fair-b", 500, 1000);
        Instant due = bench.dueAfterCreating(backlog + 1);
        Instant dueB = due.plusSeconds(2);
        // B's task first, so that it exists at its due time even if creating A's backlog overruns.
        String[] taskB = new String[1];
        bench.createTasks("create B", List.of("fair-b"), 1, seq -> dueB, (seq, taskId) -> taskB[0] = taskId);
        bench.createDueTasks("create A", List.of("fair-a"), backlog, seq -> due, Bench.Created.IGNORE);
        boolean createdInTime = Instant.now().isBefore(dueB);
        bench.awaitArrivals(
                "fairness B",
                List.of("fair-b"),
                1,
                Duration.between(Instant.now(), dueB).plusSeconds(120));
        Long arrival = bench.sink.arrival("fair-b", taskB[0]);
        long aBefore = bench.sink.countOf("fair-a");
        bench.report.row(
                "fairness",
                String.format("B's task, due 2 s into A's backlog of %,d", backlog),
                arrival == null
                        ? "not delivered"
                        : String.format(
                                "%,d ms late (A had delivered %,d by then)%s",
                                arrival - dueB.toEpochMilli(),
                                aBefore,
                                createdInTime ? "" : ", creating A overran B's due time"),
                "-",
                "≤ 1 s");
        // A's remaining tasks become stale messages the consumer drops.
        bench.rest.deleteQueue("fair-a");
        bench.rest.deleteQueue("fair-b");
        Thread.sleep(5000);
    }
}
