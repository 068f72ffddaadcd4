package dev.courier.benchmark;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second WildFly installation, configured by {@code config/apply.sh} with
 * {@code COURIER_DISPATCH_SESSIONS}: the one knob that sizes dispatch concurrency.
 */
final class SizedServer {

    private SizedServer() {}

    /** Copies the configured WildFly at {@code home} beside it and applies the dispatch sizing; returns the copy. */
    static Path prepare(Path home, Path configDir, int sessions) throws IOException, InterruptedException {
        Path sized = home.resolveSibling(home.getFileName() + "-sized-" + sessions);
        Progress.log("Sizing a copy of WildFly with COURIER_DISPATCH_SESSIONS=" + sessions);
        run(new ProcessBuilder(
                "bash",
                "-c",
                "rm -rf \"$1\" && cp -a \"$0\" \"$1\" && rm -rf \"$1\"/standalone/{data,log,tmp}",
                home.toString(),
                sized.toString()));
        String database = System.getProperty("courier.db", "h2");
        ProcessBuilder apply = new ProcessBuilder(
                "bash",
                configDir.resolve("apply.sh").toString(),
                sized.toString(),
                database,
                configDir.resolve("target/drivers/postgresql.jar").toString());
        apply.environment().put("COURIER_DISPATCH_SESSIONS", String.valueOf(sessions));
        run(apply);
        return sized;
    }

    private static void run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process = command.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command.command()) + " failed:\n" + out);
        }
    }
}
