package dev.courier.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A Courier server the test starts, stops and kills itself (Arquillian cannot kill -9): the
 * configured WildFly of the build with its own base directory (configuration, data, journal,
 * logs) and port offset, and the EAR in its deployments folder.
 */
public final class WildFlyProcess implements AutoCloseable {

    private final Path home;
    private final Path baseDir;
    private final int portOffset;
    private final boolean withCourier;
    private Process launcher;

    private WildFlyProcess(Path home, Path baseDir, int portOffset, boolean withCourier) {
        this.home = home;
        this.baseDir = baseDir;
        this.portOffset = portOffset;
        this.withCourier = withCourier;
    }

    /** A fresh server named {@code name} on {@code portOffset}, with the build's EAR deployed. */
    public static WildFlyProcess prepare(String name, int portOffset) throws IOException {
        return prepare(Path.of(System.getProperty("courier.wildfly.home")), name, portOffset, true);
    }

    /**
     * A fresh server of the WildFly installation {@code home}, its base directory {@code name}
     * beside it; without Courier it is the bare configured WildFly (ready when HTTP answers).
     */
    public static WildFlyProcess prepare(Path home, String name, int portOffset, boolean withCourier)
            throws IOException {
        Path baseDir = home.getParent().resolve(name);
        deleteRecursively(baseDir);
        copyRecursively(home.resolve("standalone/configuration"), baseDir.resolve("configuration"));
        Files.createDirectories(baseDir.resolve("deployments"));
        if (withCourier) {
            Files.copy(
                    Path.of(System.getProperty("courier.ear")),
                    baseDir.resolve("deployments/courier.ear"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        return new WildFlyProcess(home, baseDir, portOffset, withCourier);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + (8080 + portOffset);
    }

    /** The management CLI's controller address, {@code host:port}. */
    public String controller() {
        return "127.0.0.1:" + (9990 + portOffset);
    }

    public Path home() {
        return home;
    }

    public Path baseDir() {
        return baseDir;
    }

    /** Starts the server and waits until Courier answers API calls (or, bare, until HTTP answers). */
    public void start() throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                        "bash",
                        home.resolve("bin/standalone.sh").toString(),
                        "-c",
                        "standalone-full.xml",
                        "-Djboss.server.base.dir=" + baseDir,
                        "-Djboss.socket.binding.port-offset=" + portOffset)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        baseDir.resolve("console.log").toFile()));
        launcher = builder.start();
        awaitReady(Duration.ofSeconds(180));
    }

    /** The server's JVM process id. */
    public long pid() {
        return serverProcess().pid();
    }

    /** Stops the server gracefully (SIGTERM), as an operator would. */
    public void stop() throws InterruptedException {
        serverProcess().destroy();
        serverProcess().onExit().join();
        launcher.waitFor();
    }

    /** Kills the server's JVM at once (kill -9): no shutdown hook, no flush. */
    public void kill() throws InterruptedException {
        ProcessHandle server = serverProcess();
        server.destroyForcibly();
        server.onExit().join();
        launcher.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (launcher != null && launcher.isAlive()) {
            kill();
        }
    }

    /** The server's JVM: standalone.sh runs it as its child and exits when it exits. */
    private ProcessHandle serverProcess() {
        return launcher.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("WildFly's JVM is not running"));
    }

    private void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI probe = URI.create(baseUrl() + (withCourier ? "/v2/projects/ready/locations/probe/queues" : "/"));
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("WildFly exited during start; see " + baseDir.resolve("console.log"));
            }
            try {
                int status = http.send(HttpRequest.newBuilder(probe).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200 || !withCourier) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Courier was not ready within " + timeout);
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
