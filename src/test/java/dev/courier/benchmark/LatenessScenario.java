package dev.courier.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * End-to-end lateness: tasks created ahead, due at a steady 100 or 500 per second (spread over 5
 * queues, so that no queue's token bucket shapes the figure), and the time from each task's
 * scheduleTime to its arrival at the sink.
 */
final class LatenessScenario {

    private static final int QUEUES = 5;

    private LatenessScenario() {}

    static void run(Bench bench) throws Exception {
        Map<String, double[][]> chart = new LinkedHashMap<>();
        for (int perSecond : new int[] {100, 500}) {
            int count = perSecond * bench.settings.latenessSeconds();
            Progress.log(String.format("Lateness: %,d tasks due at %d/s", count, perSecond));
            List<String> ids = IntStream.range(0, QUEUES)
                    .mapToObj(q -> "late-" + perSecond + "-" + q)
                    .toList();
            for (String id : ids) {
                bench.rest.createQueue(id, 500, 1000);
            }
            Instant start = bench.dueAfterCreating(count);
            Map<String, Long> dueMillis = new ConcurrentHashMap<>();
            bench.createDueTasks(
                    "create",
                    ids,
                    count,
                    seq -> due(start, seq, perSecond),
                    (seq, taskId) -> dueMillis.put(
                            ids.get((int) (seq % QUEUES)) + "/" + taskId,
                            due(start, seq, perSecond).toEpochMilli()));
            bench.awaitArrivals(
                    "lateness",
                    ids,
                    count,
                    Duration.between(Instant.now(), start).plusSeconds(bench.settings.latenessSeconds() + 60));
            List<Long> lateness = new ArrayList<>();
            List<double[]> points = new ArrayList<>();
            dueMillis.forEach((key, due) -> {
                String[] queueAndTask = key.split("/");
                Long arrival = bench.sink.arrival(queueAndTask[0], queueAndTask[1]);
                if (arrival != null) {
                    lateness.add(arrival - due);
                    points.add(new double[] {(due - start.toEpochMilli()) / 1000.0, arrival - due});
                }
            });
            long[] sorted = Stats.sorted(lateness);
            noteLateQueues(bench, perSecond, dueMillis);
            bench.report.row(
                    "end-to-end lateness",
                    perSecond + " due/s",
                    String.format(
                            "p50 %d ms, p99 %d ms, max %d ms%s",
                            Stats.percentile(sorted, 0.5),
                            Stats.percentile(sorted, 0.99),
                            sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                            sorted.length < count ? String.format(" (%,d of %,d arrived)", sorted.length, count) : ""),
                    "-",
                    perSecond == 500 ? "p99 < 100 ms" : "-");
            points.sort((a, b) -> Double.compare(a[0], b[0]));
            chart.put(perSecond + " due/s", new double[][] {
                points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray()
            });
            ids.forEach(bench.rest::deleteQueue);
        }
        Charts.lines(
                bench.chartFile("lateness.png"),
                "Lateness of each task (arrival - scheduleTime)",
                "due at (s)",
                "ms late",
                chart);
        bench.report.chart("End-to-end lateness", "lateness.png");
    }

    /** Says which queues' tasks were late (p99 over 100 ms), to tell a slow node from a stuck queue. */
    private static void noteLateQueues(Bench bench, int perSecond, Map<String, Long> dueMillis) {
        Map<String, List<Long>> byQueue = new java.util.TreeMap<>();
        dueMillis.forEach((key, due) -> {
            String[] queueAndTask = key.split("/");
            Long arrival = bench.sink.arrival(queueAndTask[0], queueAndTask[1]);
            byQueue.computeIfAbsent(queueAndTask[0], q -> new ArrayList<>())
                    .add(arrival == null ? Long.MAX_VALUE : arrival - due);
        });
        StringBuilder late = new StringBuilder();
        byQueue.forEach((queue, values) -> {
            long p99 = Stats.percentile(Stats.sorted(values), 0.99);
            if (p99 > 100) {
                late.append(String.format(
                        " %s p50 %d ms, p99 %d ms;", queue, Stats.percentile(Stats.sorted(values), 0.5), p99));
            }
        });
        if (late.length() > 0) {
            bench.report.note("Lateness at " + perSecond + " due/s, queues with p99 over 100 ms:" + late);
        }
    }

    private static Instant due(Instant start, long seq, int perSecond) {
        return start.plusMillis(seq * 1000 / perSecond);
    }
}
