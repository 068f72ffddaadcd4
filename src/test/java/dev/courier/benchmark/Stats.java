package dev.courier.benchmark;

import java.util.Arrays;
import java.util.Collection;

/** Percentiles of samples (nearest rank). */
final class Stats {

    private Stats() {}

    /** The q-quantile (0..1) of sorted samples; 0 when there are none. */
    static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
    }

    static long[] sorted(Collection<Long> samples) {
        long[] values = samples.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
