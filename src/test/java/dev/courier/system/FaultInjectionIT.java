package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.cloud.tasks.v2.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Nothing accepted is lost: under a steady create-and-dispatch load, WildFly is killed with
 * {@code kill -9} five times at random moments and restarted; afterwards every task that got a
 * 200 from CreateTask must have reached the worker at least once. Reports duplicates and the
 * recovery time. Tagged {@code fault}: {@code mvn verify -Pfault-injection} runs it.
 */
@Tag("fault")
class FaultInjectionIT extends OwnServerTest {

    private static final int KILLS = 5;

    FaultInjectionIT() {
        super("wildfly-fault", 300);
    }

    @Test
    void everyAcceptedTaskIsDeliveredThroughRepeatedKills() throws Exception {
        CourierApi api = new CourierApi(server.baseUrl());
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"0.5s\",\"maxBackoff\":\"2s\"}");
        List<Duration> recoveries = new ArrayList<>();
        TaskLoad load = new TaskLoad(api, queue, sink.url("/fault"));
        try (load) {
            for (int kill = 0; kill < KILLS; kill++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(3_000, 8_000));
                Instant killed = Instant.now();
                server.kill();
                server.start();
                recoveries.add(Duration.between(killed, Instant.now()));
            }
            Thread.sleep(3_000);
        }

        Set<String> accepted = load.accepted();
        Map<String, Long> deliveries = sink.awaitEach(accepted, "/fault", Duration.ofSeconds(120));
        List<String> lost = accepted.stream()
                .filter(name -> !deliveries.containsKey(name))
                .sorted()
                .toList();
        long duplicated = accepted.stream()
                .filter(name -> deliveries.getOrDefault(name, 0L) > 1)
                .count();
        System.out.printf(
                "Fault injection (%s): accepted %d, delivered %d, lost %d, duplicated %d (%.2f%%), "
                        + "recovery after kill -9 (kill to API ready) %s%n",
                System.getProperty("courier.db", "h2"),
                accepted.size(),
                accepted.size() - lost.size(),
                lost.size(),
                duplicated,
                100.0 * duplicated / Math.max(1, accepted.size()),
                recoveries);
        assertEquals(List.of(), lost, "accepted tasks never delivered");
    }
}
