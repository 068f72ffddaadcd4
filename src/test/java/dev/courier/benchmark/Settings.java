package dev.courier.benchmark;

import java.time.Duration;

/**
 * Sizes of one run. The full run is sized for 20 minutes on two cores even where the VM creates
 * a few hundred tasks/s, so its due backlogs are 20,000 tasks rather than the 50,000, and
 * only the first {@code pendingViaApi} tasks of a pending backlog are created through the API
 * (the rest are seeded); each rate (1, 10, 100, 500/s) is fitted over 60 s, as issue #5 asks. The
 * quick run has smaller numbers and leaves out the backlog (its pending sizes serve
 * {@code -Dbenchmark.only=backlog -Dbenchmark.quick}). The concurrency scenario sends
 * {@code concurrencyTasks} to one queue allowing 5,000 in flight, at 500/s, so that the worker
 * holds 5,000 calls for a while.
 */
record Settings(
        boolean quick,
        Duration createRun,
        int dispatchBacklog,
        int latenessSeconds,
        int[] rateWindowSeconds,
        int fairnessBacklog,
        int[] pendingBacklogs,
        int pendingViaApi,
        int concurrencyTasks,
        Duration idle) {

    static Settings fullRun() {
        return new Settings(
                false,
                Duration.ofSeconds(10),
                20_000,
                15,
                new int[] {60, 60, 60, 60},
                10_000,
                new int[] {100_000, 1_000_000},
                10_000,
                15_000,
                Duration.ofSeconds(10));
    }

    static Settings quickRun() {
        return new Settings(
                true,
                Duration.ofSeconds(2),
                2_000,
                4,
                new int[] {10, 10, 10, 4},
                2_000,
                new int[] {5_000, 10_000},
                2_000,
                4_000,
                Duration.ofSeconds(2));
    }
}
