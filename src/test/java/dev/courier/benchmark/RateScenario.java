package dev.courier.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Rate accuracy: queues limited to 1, 10, 100 and 500 dispatches/s, each with a due backlog that
 * outlasts its window. The first three run together (111/s, within what one node delivers); the
 * 500/s queue runs alone afterwards, so no queue's figure is bent by another's demand. After the
 * initial burst ({@code maxBurstSize} tasks at once), the observed rate is fitted to the next
 * rate x window deliveries (see {@link #sustainedRate}). Also counts the broker messages the
 * throttled backlogs cost (Artemis' messages-added of the dispatch queue).
 */
final class RateScenario {

    private static final int[][] ROUNDS = {{1, 10, 100}, {500}};

    private RateScenario() {}

    static void run(Bench bench) throws Exception {
        int[] windows = bench.settings.rateWindowSeconds();
        Map<String, double[][]> chart = new LinkedHashMap<>();
        long messages = 0;
        long tasks = 0;
        int windowIndex = 0;
        for (int[] rates : ROUNDS) {
            int[] roundWindows = Arrays.copyOfRange(windows, windowIndex, windowIndex + rates.length);
            windowIndex += rates.length;
            long messagesBefore = bench.management.dispatchMessagesAdded();
            tasks += runRound(bench, rates, roundWindows, chart);
            messages += bench.management.dispatchMessagesAdded() - messagesBefore;
        }
        bench.report.row(
                "no polling churn",
                "broker messages per task (throttled backlog)",
                String.format(
                        "%.2f (%,d messages for %,d tasks, the create's own message included)",
                        messages / (double) tasks, messages, tasks),
                "-",
                "O(1)");
        Charts.lines(
                bench.chartFile("rate.png"), "Deliveries per second of rate-limited queues", "s", "tasks/s", chart);
        bench.report.chart("Rate accuracy", "rate.png");
    }

    /** One round of queues run together; returns the tasks created. */
    private static long runRound(Bench bench, int[] rates, int[] windows, Map<String, double[][]> chart)
            throws Exception {
        List<String> ids = Arrays.stream(rates).mapToObj(rate -> "rate-" + rate).toList();
        long[] counts = new long[rates.length];
        long total = 0;
        for (int i = 0; i < rates.length; i++) {
            bench.rest.createQueue(ids.get(i), rates[i], 1000);
            counts[i] = burst(rates[i]) + (long) rates[i] * (windows[i] + 3);
            total += counts[i];
        }
        Progress.log(String.format("Rate accuracy: %,d due tasks at %s/s", total, Arrays.toString(rates)));
        Instant due = bench.dueAfterCreating(total);
        String[] queueOf = new String[(int) total];
        int seq = 0;
        for (int i = 0; i < rates.length; i++) {
            for (long n = 0; n < counts[i]; n++) {
                queueOf[seq++] = ids.get(i);
            }
        }
        Load.Result created = Load.run(
                "create",
                Bench.LOAD_CLIENTS,
                total,
                Duration.ofHours(1),
                s -> bench.rest.createTask(queueOf[(int) s], due));
        int longestWindow = Arrays.stream(windows).max().orElse(0);
        bench.awaitArrivals(
                "rate", ids, created.ok(), Duration.between(Instant.now(), due).plusSeconds(longestWindow + 120));

        for (int i = 0; i < rates.length; i++) {
            List<Long> arrivals = bench.sink.arrivalsOf(ids.get(i));
            long[] sorted = Stats.sorted(arrivals);
            long first = sorted.length == 0 ? 0 : sorted[0];
            // After the initial burst, tokens come at the rate: fit the next rate x window arrivals.
            int from = Math.min(burst(rates[i]), Math.max(0, sorted.length - 1));
            int to = Math.min(sorted.length - 1, from + rates[i] * windows[i]);
            double observed = sustainedRate(sorted, from, to);
            bench.report.row(
                    "rate accuracy",
                    rates[i] + "/s" + (rates.length > 1 ? " (with " + others(rates, i) + ")" : " (alone)"),
                    String.format(
                            "%.2f/s observed over %d tasks (%.1f %% off)",
                            observed, to - from, 100 * Math.abs(observed - rates[i]) / rates[i]),
                    "-",
                    "within 2 %");
            if (rates[i] >= 10) {
                chart.put(rates[i] + "/s", Charts.ratePerSecond(arrivals, first, 1000));
            }
        }
        ids.forEach(bench.rest::deleteQueue);
        return created.ok();
    }

    /**
     * Arrivals per second from {@code from} to {@code to}: the inverse of the least-squares slope of
     * arrival time over arrival number. Unlike (count / first-to-last time), one late first or last
     * arrival (a GC pause, a busy moment) does not bend it.
     */
    static double sustainedRate(long[] sortedMillis, int from, int to) {
        int n = to - from + 1;
        if (n < 2) {
            return 0;
        }
        double meanIndex = (from + to) / 2.0;
        double meanTime = 0;
        for (int k = from; k <= to; k++) {
            meanTime += sortedMillis[k] / (double) n;
        }
        double covariance = 0;
        double variance = 0;
        for (int k = from; k <= to; k++) {
            covariance += (k - meanIndex) * (sortedMillis[k] - meanTime);
            variance += (k - meanIndex) * (k - meanIndex);
        }
        double millisPerArrival = covariance / variance;
        return millisPerArrival <= 0 ? Double.POSITIVE_INFINITY : 1000 / millisPerArrival;
    }

    private static String others(int[] rates, int except) {
        return String.join(
                ", ",
                IntStream.range(0, rates.length)
                        .filter(i -> i != except)
                        .mapToObj(i -> rates[i] + "/s")
                        .toList());
    }

    /** Courier's documented burst: clamp(ceil(rate / 5), 1, 100). */
    private static int burst(int rate) {
        return Math.max(1, Math.min(100, (int) Math.ceil(rate / 5.0)));
    }
}
