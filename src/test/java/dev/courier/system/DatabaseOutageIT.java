package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A database outage under load: PostgreSQL is stopped for 30 s while one client creates tasks
 * and reads its queue and Courier dispatches them. Meanwhile every API call must answer 503
 * UNAVAILABLE in the Cloud Tasks error shape (which clients retry), never 500; once PostgreSQL is
 * back, the API and dispatch must resume by themselves, and every task that CreateTask accepted
 * must reach the worker. Reports duplicates and the recovery times.
 *
 * <p>Only in the PostgreSQL build (the {@code postgresql} profile sets {@code courier.db}): the
 * embedded H2 database cannot go away on its own. Tagged {@code fault}: {@code mvn verify
 * -Pfault-injection} runs it. Stops the local cluster, so it needs root (as in CI).
 */
@Tag("fault")
@EnabledIfSystemProperty(
        named = "courier.db",
        matches = "postgresql",
        disabledReason = "stops PostgreSQL: runs in the PostgreSQL build (COURIER_DB=postgresql) only")
class DatabaseOutageIT extends OwnServerTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    DatabaseOutageIT() {
        super("wildfly-db-outage", 400);
    }

    @Test
    void theApiAnswersUnavailableDuringAnOutageAndNothingAcceptedIsLost() throws Exception {
        PostgreSqlCluster database = PostgreSqlCluster.local();
        CourierApi api = new CourierApi(server.baseUrl());
        Queue queue = api.createQueue("\"retryConfig\":{\"minBackoff\":\"0.5s\",\"maxBackoff\":\"2s\"}");
        TaskLoad load = new TaskLoad(api, queue, sink.url("/db-outage"));
        Instant stopping;
        Instant down = null;
        Instant starting;
        Instant up;
        try (load) {
            Thread.sleep(10_000);
            stopping = Instant.now();
            try {
                database.stop();
                down = Instant.now();
                Thread.sleep(OUTAGE.toMillis());
            } finally {
                starting = Instant.now();
                database.start();
                up = Instant.now();
            }
            Thread.sleep(20_000);
        }

        Set<String> accepted = load.accepted();
        Map<String, Long> deliveries = sink.awaitEach(accepted, "/db-outage", Duration.ofSeconds(300));
        List<String> lost = accepted.stream()
                .filter(id -> !deliveries.containsKey(id))
                .sorted()
                .toList();
        long duplicated = accepted.stream()
                .filter(id -> deliveries.getOrDefault(id, 0L) > 1)
                .count();
        List<TaskLoad.Call> calls = load.calls();
        Instant stopped = down;
        List<TaskLoad.Call> duringOutage = calls.stream()
                .filter(c -> c.sent().isAfter(stopped) && c.answered().isBefore(starting))
                .toList();
        List<TaskLoad.Call> refused =
                calls.stream().filter(c -> c.status() != 200).toList();
        Optional<Duration> apiBack = calls.stream()
                .filter(c -> c.status() == 200 && c.sent().isAfter(up))
                .map(c -> Duration.between(up, c.answered()))
                .min(Duration::compareTo);
        Optional<Duration> dispatchBack =
                sink.matching(r -> r.path().equals("/db-outage") && r.at().isAfter(up)).stream()
                        .map(r -> Duration.between(up, r.at()))
                        .min(Duration::compareTo);
        System.out.printf(
                "Database outage (%s, PostgreSQL stopping to ready again %s): accepted %d, delivered %d, lost %d, duplicated %d "
                        + "(%.2f%%); calls made while it was down %d, answered %s; after PostgreSQL was back: first API "
                        + "success %s, first delivery %s%n",
                System.getProperty("courier.db"),
                Duration.between(stopping, up),
                accepted.size(),
                accepted.size() - lost.size(),
                lost.size(),
                duplicated,
                100.0 * duplicated / Math.max(1, accepted.size()),
                duringOutage.size(),
                countByStatus(duringOutage),
                apiBack.orElse(null),
                dispatchBack.orElse(null));

        assertEquals(
                List.of(),
                refused.stream().filter(c -> !isUnavailable(c)).toList(),
                "answers other than 200 or 503 UNAVAILABLE");
        assertTrue(
                !duringOutage.isEmpty() && duringOutage.stream().allMatch(DatabaseOutageIT::isUnavailable),
                "every call while PostgreSQL was down answered 503: " + countByStatus(duringOutage));
        assertEquals(List.of(), lost, "accepted tasks never delivered");
        assertTrue(
                apiBack.isPresent() && apiBack.get().compareTo(Duration.ofSeconds(20)) < 0,
                "the API served again within 20 s: " + apiBack);
        assertTrue(dispatchBack.isPresent(), "dispatch resumed");
    }

    /** Google's error shape for UNAVAILABLE: {@code {"error":{"code":503,"message":...,"status":"UNAVAILABLE"}}}. */
    private static boolean isUnavailable(TaskLoad.Call call) {
        if (call.status() != 503) {
            return false;
        }
        try {
            JsonObject error = new CourierApi.Answer(call.status(), call.body()).error();
            return error.get("code").getAsInt() == 503
                    && "UNAVAILABLE".equals(error.get("status").getAsString())
                    && !error.get("message").getAsString().isBlank();
        } catch (RuntimeException notTheShape) {
            return false;
        }
    }

    private static Map<Integer, Long> countByStatus(List<TaskLoad.Call> calls) {
        return calls.stream().collect(Collectors.groupingBy(TaskLoad.Call::status, Collectors.counting()));
    }
}
