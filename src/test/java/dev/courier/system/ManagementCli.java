package dev.courier.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** WildFly's jboss-cli against a running test server, for what the API cannot do (e.g. lose a message). */
final class ManagementCli {

    /** The management port of the Arquillian test server (port offset 100). */
    static final int ARQUILLIAN_SERVER_PORT = 10090;
    /** Courier's Artemis dispatch queue (messages wait there until due), as a management address. */
    static final String DISPATCH_QUEUE = "/subsystem=messaging-activemq/server=default/jms-queue=CourierDispatch";

    private ManagementCli() {}

    /** Runs one management command against the server on {@code managementPort}; returns its output. */
    static String run(int managementPort, String command) throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("courier.wildfly.home"), "bin", "jboss-cli.sh");
        Process process = new ProcessBuilder(
                        "bash",
                        cli.toString(),
                        "--connect",
                        "--controller=127.0.0.1:" + managementPort,
                        "--command=" + command)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jboss-cli failed: " + command + "\n" + output);
        }
        return output;
    }
}
