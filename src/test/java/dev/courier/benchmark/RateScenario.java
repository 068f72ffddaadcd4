package dev.courier.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rate accuracy: four queues limited to 1, 10, 100 and 500 dispatches/s, each with a due backlog
 * that outlasts its window, run together. After the initial burst ({@code maxBurstSize} tasks at
 * once), the observed rate is the number of the next rate x window deliveries divided by the time
 * they took. Also counts the broker
 * messages the whole throttled backlog cost (Artemis' messages-added of the dispatch queue).
 */
final class RateScenario {

    private static final int[] RATES = {1, 10, 100, 500};

    private RateScenario() {
    }

    static void run(Bench bench) throws Exception {
        int[] windows = bench.settings.rateWindowSeconds();
        List<String> ids = java.util.Arrays.stream(RATES).mapToObj(rate -> "rate-" + rate).toList();
        long[] counts = new long[RATES.length];
        long total = 0;
        for (int i = 0; i < RATES.length; i++) {
            bench.rest.createQueue(ids.get(i), RATES[i], 1000);
            counts[i] = burst(RATES[i]) + (long) RATES[i] * (windows[i] + 3);
            total += counts[i];
        }
        Progress.log(String.format("Rate accuracy: %,d due tasks at 1, 10, 100, 500/s", total));
        long messagesBefore = bench.management.dispatchMessagesAdded();
        Instant due = bench.dueAfterCreating(total);
        String[] queueOf = new String[(int) total];
        int seq = 0;
        for (int i = 0; i < RATES.length; i++) {
            for (long n = 0; n < counts[i]; n++) {
                queueOf[seq++] = ids.get(i);
            }
        }
        Load.Result created = Load.run("create", Bench.LOAD_CLIENTS, total, Duration.ofHours(1),
                s -> bench.rest.createTask(queueOf[(int) s], due));
        int longestWindow = java.util.Arrays.stream(windows).max().orElse(0);
        bench.awaitArrivals("rate", ids, created.ok(), Duration.between(Instant.now(), due).plusSeconds(longestWindow + 120));
        long messages = bench.management.dispatchMessagesAdded() - messagesBefore;

        Map<String, double[][]> chart = new LinkedHashMap<>();
        for (int i = 0; i < RATES.length; i++) {
            List<Long> arrivals = bench.sink.arrivalsOf(ids.get(i));
            long[] sorted = Stats.sorted(arrivals);
            long first = sorted.length == 0 ? 0 : sorted[0];
            // After the initial burst, tokens come at the rate: count the gaps of the next rate x window tasks.
            int from = Math.min(burst(RATES[i]), Math.max(0, sorted.length - 1));
            int to = Math.min(sorted.length - 1, from + RATES[i] * windows[i]);
            double observed = to <= from ? 0 : (to - from) / Math.max(0.001, (sorted[to] - sorted[from]) / 1000.0);
            bench.report.row("rate accuracy", RATES[i] + "/s", String.format("%.2f/s observed over %d tasks (%.1f %% off)",
                    observed, to - from,
                    100 * Math.abs(observed - RATES[i]) / RATES[i]), "-", "within 2 %");
            if (RATES[i] >= 10) {
                chart.put(RATES[i] + "/s", Charts.ratePerSecond(arrivals, first, 1000));
            }
        }
        bench.report.row("no polling churn", "broker messages per task (throttled backlog)",
                String.format("%.2f (%,d messages for %,d tasks, the create's own message included)",
                        messages / (double) created.ok(), messages, created.ok()), "-", "O(1)");
        Charts.lines(bench.chartFile("rate.png"), "Deliveries per second of rate-limited queues", "s", "tasks/s", chart);
        bench.report.chart("Rate accuracy", "rate.png");
        ids.forEach(bench.rest::deleteQueue);
    }

    /** Courier's documented burst: clamp(ceil(rate / 5), 1, 100). */
    private static int burst(int rate) {
        return Math.max(1, Math.min(100, (int) Math.ceil(rate / 5.0)));
    }
}
