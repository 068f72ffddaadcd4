package dev.courier.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Big backlogs: heap after GC, boot to ready and API latency of a fresh server, empty and then
 * holding 100k and 1M pending tasks scheduled two to three hours ahead. The first tasks (10,000
 * in the full run) are created through the API, the rest copied in by {@link PendingSeeder} with
 * the server stopped. Creation stops early when the heap after GC passes 85 % of its maximum,
 * CreateTask starts failing, or the run's time box for creating (three minutes, two in quick mode)
 * is used up; the report says so.
 */
final class BacklogScenario {

    private static final String QUEUE = "backlog";
    private static final String PROBE_QUEUE = "probe";
    private static final int CHUNK_CHECKS = 10;

    private BacklogScenario() {}

    static void run(Bench bench, Path home) throws Exception {
        Instant timeBox = Instant.now().plus(bench.settings.quick() ? Duration.ofMinutes(2) : Duration.ofMinutes(3));
        Progress.log("Backlog: empty server");
        bench.boot(home, "bench-backlog", true);
        bench.rest.createQueue(QUEUE, 500, 1000);
        bench.rest.createQueue(PROBE_QUEUE, 500, 1000);
        Figures empty = measure(bench);
        long pending = 0;
        long createdViaApi = 0;
        for (int target : bench.settings.pendingBacklogs()) {
            String stopped = null;
            long viaApi = Math.min(target, bench.settings.pendingViaApi());
            if (pending < viaApi) {
                Progress.log(String.format("Backlog: creating pending tasks up to %,d", viaApi));
            }
            long chunk = Math.max(1, (viaApi - pending) / CHUNK_CHECKS);
            while (pending < viaApi && stopped == null) {
                long base = pending;
                long count = Math.min(chunk, viaApi - pending);
                Instant now = Instant.now();
                Load.Result result = Load.run(
                        "create pending",
                        2 * Bench.LOAD_CLIENTS,
                        count,
                        Duration.ofHours(1),
                        seq -> bench.rest.createTask(QUEUE, now.plusSeconds(7200 + (base + seq) % 3600)));
                pending += result.ok();
                createdViaApi += result.ok();
                long[] heap = bench.management.heapAfterGcMb();
                Progress.log(String.format(
                        "  %,d pending (%,.0f/s), heap after GC %d of %d MB",
                        pending, result.perSecond(), heap[0], heap[1]));
                if (result.failed() > count / 100) {
                    stopped = "CreateTask failing: " + result.firstFailure();
                } else if (heap[0] > heap[1] * 0.85) {
                    stopped = String.format("heap after GC at %d of %d MB", heap[0], heap[1]);
                } else if (pending < viaApi && Instant.now().isAfter(timeBox)) {
                    stopped = String.format(
                            "the benchmark's time box for creating them was used up (at %,.0f tasks/s)",
                            result.perSecond());
                }
            }
            if (stopped == null && pending < target) {
                Progress.log(String.format("Backlog: seeding the database up to %,d pending tasks", target));
                bench.stop();
                new PendingSeeder(bench.server).seed(QUEUE, target - pending);
                bench.start();
                bench.report.note(String.format(
                        "Backlog of %,d: %,d of its tasks were created through the API and "
                                + "the other %,d copied into the database with the server stopped (PendingSeeder): creating "
                                + "them all through the API would not fit the run.",
                        target, createdViaApi, target - createdViaApi));
                pending = target;
            }
            Figures loaded = measure(bench);
            bench.report.row(
                    "backlog",
                    String.format("%,d pending (target %,d)", pending, target),
                    loaded.describe(),
                    empty.describe() + " (empty)",
                    target >= 1_000_000 ? "fits the shipped heap" : "-");
            if (stopped != null) {
                bench.report.note(
                        String.format("Backlog creation stopped at %,d pending tasks: %s.", pending, stopped));
                break;
            }
        }
        bench.stop();
    }

    /** Heap after GC, API latency under light load, then a restart: boot to ready. */
    private static Figures measure(Bench bench) throws Exception {
        long heap = bench.management.heapAfterGcMb()[0];
        Instant due = Instant.now().plus(Duration.ofHours(2));
        List<java.util.function.LongFunction<java.net.http.HttpRequest>> calls = List.of(
                seq -> bench.rest.getQueue(QUEUE),
                seq -> bench.rest.listTasks(QUEUE, 10),
                seq -> bench.rest.createTask(PROBE_QUEUE, due));
        Load.Result api = Load.run(
                "API probe",
                8,
                Long.MAX_VALUE,
                Duration.ofSeconds(5),
                seq -> calls.get((int) (seq % calls.size())).apply(seq));
        bench.stop();
        Duration boot = bench.start();
        return new Figures(heap, api.percentileMillis(0.99), boot);
    }

    private record Figures(long heapMb, double apiP99Millis, Duration boot) {
        String describe() {
            return String.format(
                    "heap %d MB, API p99 %.0f ms, boot %s", heapMb, apiP99Millis, FootprintScenario.seconds(boot));
        }
    }
}
