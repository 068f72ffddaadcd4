package dev.courier.domain;

/**
 * A queue's dispatch limits: a token bucket refilled at {@code maxDispatchesPerSecond} holding at
 * most {@code maxBurstSize} tokens, and at most {@code maxConcurrentDispatches} requests in flight.
 */
public record RateLimits(double maxDispatchesPerSecond, int maxBurstSize, int maxConcurrentDispatches) {

    public static final double MAX_DISPATCHES_PER_SECOND = 500;
    public static final int MAX_CONCURRENT_DISPATCHES = 5000;
    public static final RateLimits DEFAULT = of(500, 1000);

    public RateLimits {
        if (!(maxDispatchesPerSecond > 0) || maxDispatchesPerSecond > MAX_DISPATCHES_PER_SECOND) {
            throw ApiException.invalidArgument(
                    "RateLimits.maxDispatchesPerSecond must be greater than 0 and at most 500.");
        }
        if (maxConcurrentDispatches < 1 || maxConcurrentDispatches > MAX_CONCURRENT_DISPATCHES) {
            throw ApiException.invalidArgument("RateLimits.maxConcurrentDispatches must be between 1 and 5000.");
        }
    }

    /** Limits with the burst size Courier derives from the rate (the burst is output only). */
    public static RateLimits of(double maxDispatchesPerSecond, int maxConcurrentDispatches) {
        return new RateLimits(maxDispatchesPerSecond, burstSizeFor(maxDispatchesPerSecond), maxConcurrentDispatches);
    }

    /**
     * The burst size for a rate: {@code clamp(ceil(rate / 5), 1, 100)}, which gives the documented
     * 100 at 500/s. Cloud Tasks does not publish its formula; this one is Courier's own.
     */
    public static int burstSizeFor(double maxDispatchesPerSecond) {
        long burst = (long) Math.ceil(maxDispatchesPerSecond / 5);
        return (int) Math.max(1, Math.min(100, burst));
    }
}
