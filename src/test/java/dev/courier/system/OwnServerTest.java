package dev.courier.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A system test that runs its own WildFly, which it may stop, kill and restart (Arquillian's
 * server stays untouched), and a fresh worker ({@link Sink}) per test.
 */
abstract class OwnServerTest {

    private final String serverName;
    private final int portOffset;
    WildFlyProcess server;
    Sink sink;

    /** @param serverName the server's base directory under target/; unique per test class */
    OwnServerTest(String serverName, int portOffset) {
        this.serverName = serverName;
        this.portOffset = portOffset;
    }

    @BeforeEach
    void startServerAndSink() throws Exception {
        sink = new Sink();
        server = WildFlyProcess.prepare(serverName, portOffset);
        server.start();
    }

    @AfterEach
    void stopServerAndSink() throws Exception {
        server.close();
        sink.close();
    }
}
