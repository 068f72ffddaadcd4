package dev.courier.benchmark;

import java.time.Duration;

/**
 * Sizes of one run. The full run is sized for 20 minutes on two cores even where the VM creates
 * a few hundred tasks/s, so its due backlogs are 20,000 tasks rather than the 50,000, and
 * only the first {@code pendingViaApi} tasks of a pending backlog are created through the API
 * (the rest are seeded); each rate (1, 10, 100, 500/s) is fitted over 60 s, as issue #5 asks. The
 * quick run has smaller numbers and leaves out the backlog and the sized server (its pending
 * sizes serve {@code -Dbenchmark.only=backlog -Dbenchmark.quick}).
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
        int sizedSessions,
        int sizedTasks,
        Duration idle) {

    /** Sessions for 1,000 concurrent dispatches of one queue: its node cap is sessions - min(sessions/8, 32). */
    static final int SESSIONS_FOR_1000 = 1040;

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
                SESSIONS_FOR_1000,
                3_000,
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
                SESSIONS_FOR_1000,
                2_000,
                Duration.ofSeconds(2));
    }
}
