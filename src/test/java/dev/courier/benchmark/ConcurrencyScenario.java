package dev.courier.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Peak in-flight requests against a worker that takes 2 s per request, for a queue allowing
 * {@code maxConcurrentDispatches} requests, sampled at the sink every 100 ms. The tasks are created
 * on the paused queue and released together by ResumeQueue (at the queue's 500/s), so creating
 * them, however slow, is not part of the figure.
 */
final class ConcurrencyScenario {

    private static final long WORKER_MILLIS = 2000;

    /** The in-flight samples of one run, for the chart: {seconds, in flight}. */
    record Run(int peak, double[][] samples, double secondsToPeak) {}

    private ConcurrencyScenario() {}

    /** Runs {@code tasks} due tasks through a queue with the given concurrency limit. */
    static Run run(Bench bench, String queueId, int maxConcurrent, int tasks) throws Exception {
        Progress.log(
                String.format("Concurrency: %,d tasks, maxConcurrentDispatches %d, 2 s worker", tasks, maxConcurrent));
        bench.sink.delay(WORKER_MILLIS);
        bench.rest.createQueue(queueId, 500, maxConcurrent);
        bench.rest.pauseQueue(queueId);
        Instant due = Instant.now();
        bench.createTasks("create", List.of(queueId), tasks, seq -> due, Bench.Created.IGNORE);
        bench.sink.resetPeak();
        bench.rest.resumeQueue(queueId);
        List<double[]> samples = new ArrayList<>();
        long start = System.currentTimeMillis();
        double secondsToPeak = 0;
        int peak = 0;
        Duration limit = Duration.ofSeconds(tasks / Math.max(1, Math.min(maxConcurrent, 50)) * 2L + 60);
        while (bench.sink.countOf(queueId) < tasks || bench.sink.inFlight() > 0) {
            double at = (System.currentTimeMillis() - start) / 1000.0;
            int inFlight = bench.sink.inFlight();
            samples.add(new double[] {at, inFlight});
            if (inFlight > peak) {
                peak = inFlight;
                secondsToPeak = at;
            }
            if (at > limit.toSeconds()) {
                Progress.log("  concurrency: gave up waiting for the last tasks");
                break;
            }
            if (samples.size() % 50 == 0) {
                Progress.log(String.format(
                        "  concurrency: %d in flight, %,d of %,d arrived",
                        inFlight, bench.sink.countOf(queueId), tasks));
            }
            Thread.sleep(100);
        }
        bench.sink.delay(0);
        bench.rest.deleteQueue(queueId);
        peak = Math.max(peak, bench.sink.peakInFlight());
        return new Run(
                peak,
                new double[][] {
                    samples.stream().mapToDouble(s -> s[0]).toArray(),
                    samples.stream().mapToDouble(s -> s[1]).toArray()
                },
                secondsToPeak);
    }

    static void chart(Bench bench, Map<String, double[][]> runs) throws Exception {
        Charts.lines(bench.chartFile("concurrency.png"), "Requests in flight at a 2 s worker", "s", "in flight", runs);
        bench.report.chart("Concurrency", "concurrency.png");
    }

    static Map<String, double[][]> series() {
        return new LinkedHashMap<>();
    }
}
