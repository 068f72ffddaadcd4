package dev.courier.benchmark;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Boot to ready and idle RSS of Courier against the same configured WildFly without the EAR.
 * Leaves Courier running (fresh, empty) for the next scenarios.
 */
final class FootprintScenario {

    /** Courier's fresh boot and idle RSS, the baseline of the sized server. */
    record Footprint(Duration boot, long rssMb) {}

    private FootprintScenario() {}

    static Footprint run(Bench bench, Path home) throws Exception {
        Progress.log("Footprint: bare WildFly (no EAR)");
        Duration bareBoot = bench.boot(home, "bench-bare", false);
        Thread.sleep(bench.settings.idle().toMillis());
        long bareRss = bench.management.rssMb();
        bench.stop();

        Progress.log("Footprint: Courier");
        Duration boot = bench.boot(home, "bench-courier", true);
        Thread.sleep(bench.settings.idle().toMillis());
        long rss = bench.management.rssMb();
        bench.report.row(
                "footprint", "boot to ready", seconds(boot), seconds(bareBoot) + " (bare WildFly: HTTP answers)", "-");
        bench.report.row("footprint", "idle RSS", rss + " MB", bareRss + " MB", "-");
        return new Footprint(boot, rss);
    }

    static String seconds(Duration duration) {
        return String.format("%.1f s", duration.toMillis() / 1000.0);
    }
}
