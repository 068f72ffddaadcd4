package dev.courier.benchmark;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Runs every scenario against Courier on a real WildFly (port offset 600) and writes
 * {@code report.md} and the charts. {@code -Dbenchmark.quick} runs the small version: the scenarios
 * of the default server with smaller numbers, without the backlog and sizing parts.
 *
 * <p>System properties: {@code courier.wildfly.home} (the configured WildFly), {@code courier.ear},
 * {@code benchmark.config} (the {@code config/} folder), {@code benchmark.results} and
 * {@code benchmark.quick-results} (output folders of the full and the quick run);
 * {@code benchmark.only=sizing} runs only the sized server's part (into {@code benchmark-sizing}
 * beside the quick results).
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean quick = Boolean.parseBoolean(System.getProperty("benchmark.quick", "false"));
        Settings settings = quick ? Settings.quickRun() : Settings.fullRun();
        Path home = Path.of(System.getProperty("courier.wildfly.home"));
        Path config = Path.of(System.getProperty("benchmark.config"));
        String only = System.getProperty("benchmark.only", "all");
        boolean sizingOnly = "sizing".equals(only);
        boolean someOnly = !sizingOnly && !"all".equals(only);
        Path quickResults = Path.of(System.getProperty("benchmark.quick-results"));
        Path results = Files.createDirectories(
                sizingOnly
                        ? quickResults.resolveSibling("benchmark-sizing")
                        : someOnly
                                ? quickResults.resolveSibling("benchmark-only")
                                : quick ? quickResults : Path.of(System.getProperty("benchmark.results")));
        Instant began = Instant.now();
        Progress.log("Courier benchmark (" + (quick ? "quick" : "full") + "), results in " + results);

        try (TaskSink sink = new TaskSink()) {
            Bench bench = new Bench(settings, results, sink);
            try {
                if (sizingOnly) {
                    runSizing(bench, home, config, null, ConcurrencyScenario.series());
                } else if (someOnly) {
                    runSome(bench, home, Set.of(only.split(",")));
                } else {
                    runAll(bench, home, config);
                }
            } finally {
                if (bench.server != null) {
                    bench.server.close();
                }
            }
            String header = String.format(
                    "%s run of %s, %s; %d cores, %d MB RAM, Java %s; database %s. "
                            + "Server, sink and load generator share the machine. Took %d min.",
                    sizingOnly ? "Sizing-only" : someOnly ? "Partial (" + only + ")" : quick ? "Quick" : "Full",
                    began.truncatedTo(ChronoUnit.MINUTES),
                    machine(),
                    Runtime.getRuntime().availableProcessors(),
                    totalRamMb(),
                    System.getProperty("java.version"),
                    System.getProperty("courier.db", "h2"),
                    Duration.between(began, Instant.now()).toMinutes());
            bench.report.write(results, header);
        }
        Progress.log("Done in " + Duration.between(began, Instant.now()).toSeconds() + " s: "
                + results.resolve("report.md"));
    }

    private static void runAll(Bench bench, Path home, Path config) throws Exception {
        FootprintScenario.Footprint courier = FootprintScenario.run(bench, home);
        bench.management.deploy(NoopWar.write(home.resolveSibling("bench-noop.war")));
        CreateScenario.run(bench);
        DispatchScenario.run(bench);
        LatenessScenario.run(bench);
        RateScenario.run(bench);
        FairnessScenario.run(bench);

        Map<String, double[][]> concurrency = ConcurrencyScenario.series();
        ConcurrencyScenario.Run capped = ConcurrencyScenario.run(bench, "conc-default", 1000, 200);
        bench.report.row(
                "concurrency",
                "64 sessions (default), queue allows 1,000",
                "peak " + capped.peak() + " in flight",
                "-",
                "56 (the node's per-queue cap: sessions - sessions/8)");
        concurrency.put("64 sessions", capped.samples());
        bench.stop();
        if (bench.settings.quick()) {
            // Each of the two needs several server boots of its own: more than the quick run's budget.
            bench.report.note(
                    "Quick run: the backlog scenario and the server sized for 1,000 in flight run in the full run only.");
            ConcurrencyScenario.chart(bench, concurrency);
            return;
        }

        BacklogScenario.run(bench, home);
        runSizing(bench, home, config, courier, concurrency);
    }

    /** The named scenarios, in their usual order (for work on one figure); sizing has its own mode. */
    private static void runSome(Bench bench, Path home, Set<String> names) throws Exception {
        Map<String, Scenario> onDefaultServer = new LinkedHashMap<>();
        onDefaultServer.put("create", CreateScenario::run);
        onDefaultServer.put("dispatch", DispatchScenario::run);
        onDefaultServer.put("lateness", LatenessScenario::run);
        onDefaultServer.put("rate", RateScenario::run);
        onDefaultServer.put("fairness", FairnessScenario::run);
        if (onDefaultServer.keySet().stream().anyMatch(names::contains)) {
            bench.boot(home, "bench-courier", true);
            bench.management.deploy(NoopWar.write(home.resolveSibling("bench-noop.war")));
            for (Map.Entry<String, Scenario> scenario : onDefaultServer.entrySet()) {
                if (names.contains(scenario.getKey())) {
                    scenario.getValue().run(bench);
                }
            }
            bench.stop();
        }
        if (names.contains("backlog")) {
            BacklogScenario.run(bench, home);
        }
    }

    /** A scenario that runs on the default server. */
    private interface Scenario {
        void run(Bench bench) throws Exception;
    }

    /** The server built with COURIER_DISPATCH_SESSIONS for 1,000 in flight: footprint, concurrency, throughput. */
    private static void runSizing(
            Bench bench,
            Path home,
            Path config,
            FootprintScenario.Footprint courier,
            Map<String, double[][]> concurrency)
            throws Exception {
        int sessions = bench.settings.sizedSessions();
        Path sized = SizedServer.prepare(home, config, sessions);
        Duration boot = bench.boot(sized, "bench-sized", true);
        Thread.sleep(bench.settings.idle().toMillis());
        long rss = bench.management.rssMb();
        bench.report.row(
                "footprint",
                "boot to ready, " + sessions + " sessions",
                FootprintScenario.seconds(boot),
                courier == null ? "-" : FootprintScenario.seconds(courier.boot()) + " (64 sessions)",
                "-");
        bench.report.row(
                "footprint",
                "idle RSS, " + sessions + " sessions",
                rss + " MB",
                courier == null ? "-" : courier.rssMb() + " MB (64 sessions)",
                "-");
        ConcurrencyScenario.Run big = ConcurrencyScenario.run(bench, "conc-sized", 1000, bench.settings.sizedTasks());
        bench.report.row(
                "concurrency",
                sessions + " sessions, queue allows 1,000",
                String.format("peak %d in flight (reached after %.1f s)", big.peak(), big.secondsToPeak()),
                "-",
                "1,000");
        concurrency.put(sessions + " sessions", big.samples());
        DispatchScenario.Delivery sizedDelivery =
                DispatchScenario.deliver(bench, "sized", 10, bench.settings.dispatchBacklog());
        bench.report.row(
                "dispatch throughput",
                String.format("10 queues, %,d due, %d sessions", bench.settings.dispatchBacklog(), sessions),
                String.format("%,.0f/s", sizedDelivery.rate()) + sizedDelivery.caveats(),
                bench.dispatchRate == 0 ? "-" : String.format("%,.0f/s (64 sessions)", bench.dispatchRate),
                "-");
        bench.stop();
        ConcurrencyScenario.chart(bench, concurrency);
    }

    private static String machine() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown host";
        }
    }

    private static long totalRamMb() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) >> 10)
                    .findFirst()
                    .orElse(0);
        } catch (IOException e) {
            return 0;
        }
    }
}
