package dev.courier.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Requests in flight at a worker that takes 20 s per request, for one queue allowing
 * {@value #MAX_CONCURRENT} requests at 500/s (Cloud Tasks' maxima), sampled at the sink every 100 ms;
 * the server's heap is read at the peak. The tasks are created on the paused queue and released
 * together by ResumeQueue, so creating them, however slow, is not part of the figure. At 500/s the
 * queue reaches 5,000 in flight after 10 s and holds it until its tasks run out.
 */
final class ConcurrencyScenario {

    static final int MAX_CONCURRENT = 5000;
    private static final long WORKER_MILLIS = 20_000;

    /** The in-flight samples of one run, for the chart: {seconds, in flight}. */
    record Run(int peak, double[][] samples, double secondsToPeak, long heapMb) {}

    private ConcurrencyScenario() {}

    /** Runs the scenario and reports it. */
    static void run(Bench bench) throws Exception {
        int tasks = bench.settings.concurrencyTasks();
        Run run = run(bench, "conc", tasks);
        bench.report.row(
                "concurrency",
                String.format("1 queue allowing %,d at 500/s, %,d tasks, 20 s worker", MAX_CONCURRENT, tasks),
                String.format("peak %,d in flight, reached after %.1f s", run.peak(), run.secondsToPeak())
                        + (run.heapMb() > 0 ? String.format("; heap after GC there %d MB", run.heapMb()) : ""),
                "-",
                String.format("%,d after about 10 s, within the shipped heap", Math.min(tasks, MAX_CONCURRENT)));
        Map<String, double[][]> series = new LinkedHashMap<>();
        series.put("in flight", run.samples());
        Charts.lines(
                bench.chartFile("concurrency.png"), "Requests in flight at a 20 s worker", "s", "in flight", series);
        bench.report.chart("Concurrency", "concurrency.png");
    }

    private static Run run(Bench bench, String queueId, int tasks) throws Exception {
        int maxConcurrent = MAX_CONCURRENT;
        Progress.log(String.format(
                "Concurrency: %,d tasks, maxConcurrentDispatches %,d, 20 s worker", tasks, maxConcurrent));
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
        long heapMb = 0;
        boolean heapRead = false;
        Duration limit = Duration.ofSeconds(tasks / Math.max(1, Math.min(maxConcurrent, 50)) * 2L + 60);
        while (bench.sink.countOf(queueId) < tasks || bench.sink.inFlight() > 0) {
            double at = (System.currentTimeMillis() - start) / 1000.0;
            int inFlight = bench.sink.inFlight();
            samples.add(new double[] {at, inFlight});
            if (inFlight > peak) {
                peak = inFlight;
                secondsToPeak = at;
            }
            if (!heapRead && inFlight >= Math.min(tasks, maxConcurrent)) {
                heapMb = bench.management.heapAfterGcMb()[0];
                heapRead = true;
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
                secondsToPeak,
                heapMb);
    }
}
