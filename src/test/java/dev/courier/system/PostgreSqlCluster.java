package dev.courier.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local PostgreSQL cluster (Debian's {@code pg_ctlcluster}, newest version under
 * /etc/postgresql, cluster {@code main}, as {@code .ci/run} finds it), stopped and started by a
 * test that needs the database to go away. Needs to run as root or as the postgres user.
 */
final class PostgreSqlCluster {

    private final String version;

    private PostgreSqlCluster(String version) {
        this.version = version;
    }

    static PostgreSqlCluster local() throws IOException {
        try (Stream<Path> versions = Files.list(Path.of("/etc/postgresql"))) {
            return new PostgreSqlCluster(versions.map(p -> p.getFileName().toString())
                    .max(Comparator.comparing(PostgreSqlCluster::versionNumber))
                    .orElseThrow(() -> new IllegalStateException("No PostgreSQL cluster under /etc/postgresql")));
        }
    }

    /** Stops the cluster in fast mode: open transactions are rolled back, clients disconnected. */
    void stop() throws IOException, InterruptedException {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop"));
    }

    /** Starts the cluster and waits until it accepts connections. */
    void start() throws IOException, InterruptedException {
        run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start"));
        Instant giveUp = Instant.now().plusSeconds(60);
        while (!isReady()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new IllegalStateException("PostgreSQL " + version + " did not accept connections within 60 s");
            }
            Thread.sleep(200);
        }
    }

    boolean isReady() throws IOException, InterruptedException {
        return exitCode(List.of("pg_isready", "-q", "-h", "127.0.0.1", "-p", "5432")) == 0;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        int exit = exitCode(command);
        if (exit != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
        }
    }

    private static int exitCode(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(Duration.ofSeconds(120).toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
        }
        return process.exitValue();
    }

    /** "15" → 15.0, "9.6" → 9.6; anything else sorts first. */
    private static double versionNumber(String name) {
        return name.matches("\\d+(\\.\\d+)?") ? Double.parseDouble(name) : -1;
    }
}
