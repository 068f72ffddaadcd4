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
 * of the default server with smaller numbers, without the backlog part.
 *
 * <p>System properties: {@code courier.wildfly.home} (the configured WildFly), {@code courier.ear},
 * {@code benchmark.results} and {@code benchmark.quick-results} (output folders of the full and the
 * quick run); {@code benchmark.only=create,dispatch,...} runs only the named scenarios (into
 * {@code benchmark-only} beside the quick results).
 */
public final class Benchmark {

    private Benchmark() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        boolean quick = Boolean.parseBoolean(System.getProperty("benchmark.quick", "false"));
        Settings settings = quick ? Settings.quickRun() : Settings.fullRun();
        Path home = Path.of(System.getProperty("courier.wildfly.home"));
        String only = System.getProperty("benchmark.only", "all");
        boolean someOnly = !"all".equals(only);
        Path quickResults = Path.of(System.getProperty("benchmark.quick-results"));
        Path results = Files.createDirectories(
                someOnly
                        ? quickResults.resolveSibling("benchmark-only")
                        : quick ? quickResults : Path.of(System.getProperty("benchmark.results")));
        Instant began = Instant.now();
        Progress.log("Courier benchmark (" + (quick ? "quick" : "full") + "), results in " + results);

        try (TaskSink sink = new TaskSink()) {
            Bench bench = new Bench(settings, results, sink);
            try {
                if (someOnly) {
                    runSome(bench, home, Set.of(only.split(",")));
                } else {
                    runAll(bench, home);
                }
            } finally {
                if (bench.server != null) {
                    bench.server.close();
                }
            }
            String header = String.format(
                    "%s run of %s, %s; %d cores, %d MB RAM, Java %s; database %s. "
                            + "Server, sink and load generator share the machine. Took %d min.",
                    someOnly ? "Partial (" + only + ")" : quick ? "Quick" : "Full",
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

    private static void runAll(Bench bench, Path home) throws Exception {
        FootprintScenario.run(bench, home);
        bench.management.deploy(NoopWar.write(home.resolveSibling("bench-noop.war")));
        CreateScenario.run(bench);
        DispatchScenario.run(bench);
        LatenessScenario.run(bench);
        RateScenario.run(bench);
        FairnessScenario.run(bench);
        ConcurrencyScenario.run(bench);
        bench.stop();
        if (bench.settings.quick()) {
            // It needs several server boots of its own: more than the quick run's budget.
            bench.report.note("Quick run: the backlog scenario runs in the full run only.");
            return;
        }
        BacklogScenario.run(bench, home);
    }

    /** The named scenarios, in their usual order (for work on one figure). */
    private static void runSome(Bench bench, Path home, Set<String> names) throws Exception {
        Map<String, Scenario> onDefaultServer = new LinkedHashMap<>();
        onDefaultServer.put("create", CreateScenario::run);
        onDefaultServer.put("dispatch", DispatchScenario::run);
        onDefaultServer.put("lateness", LatenessScenario::run);
        onDefaultServer.put("rate", RateScenario::run);
        onDefaultServer.put("fairness", FairnessScenario::run);
        onDefaultServer.put("concurrency", ConcurrencyScenario::run);
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
