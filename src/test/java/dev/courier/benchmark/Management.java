package dev.courier.benchmark;

import dev.courier.system.WildFlyProcess;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the running server through WildFly's management CLI and the process table. */
final class Management {

    private static final Pattern RESULT_NUMBER = Pattern.compile("\"result\" => (\\d+)L?");
    private static final Pattern HEAP_USED = Pattern.compile("\"used\" => (\\d+)L");
    private static final Pattern HEAP_MAX = Pattern.compile("\"max\" => (\\d+)L");

    private final WildFlyProcess server;

    Management(WildFlyProcess server) {
        this.server = server;
    }

    /** Heap in use right after a full GC, and the heap's maximum, in MB. */
    long[] heapAfterGcMb() {
        String out = cli(
                "/core-service=platform-mbean/type=memory:gc",
                "/core-service=platform-mbean/type=memory:read-attribute(name=heap-memory-usage)");
        return new long[] {number(HEAP_USED, out) >> 20, number(HEAP_MAX, out) >> 20};
    }

    /** Dispatch messages Courier ever sent (new or rescheduled): those added to its dispatch queue. */
    long dispatchMessagesAdded() {
        return number(
                RESULT_NUMBER,
                cli(
                        "/subsystem=messaging-activemq/server=default/jms-queue=CourierDispatch:read-attribute(name=messages-added)"));
    }

    void deploy(Path archive) {
        cli("deploy " + archive + " --force");
    }

    /** The server JVM's resident set size in MB. */
    long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + server.pid() + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) >> 10;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("No VmRSS for " + server.pid());
    }

    private String cli(String... commands) {
        try {
            Path script = Files.createTempFile("bench", ".cli");
            Files.write(script, java.util.List.of(commands));
            Process cli = new ProcessBuilder(
                            server.home().resolve("bin/jboss-cli.sh").toString(),
                            "--connect",
                            "--controller=" + server.controller(),
                            "--file=" + script)
                    .redirectErrorStream(true)
                    .start();
            String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (cli.waitFor() != 0) {
                throw new IllegalStateException("jboss-cli failed: " + out);
            }
            Files.delete(script);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("No " + pattern + " in " + text);
        }
        return Long.parseLong(m.group(1));
    }
}
