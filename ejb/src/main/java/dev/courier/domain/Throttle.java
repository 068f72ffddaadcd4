package dev.courier.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * System throttling of a queue whose worker says it is overloaded (HTTP 429 or 503), separate
 * from the user's rate limits, which stay unchanged.
 *
 * <p>The rule: each 429/503 halves the queue's effective rate, down to 1/64 of the configured
 * rate; a {@code Retry-After} also holds every new attempt of the queue until that instant (at
 * most {@link #MAX_HOLD} ahead). After {@link #RECOVERY_STEP} without a 429/503 the effective
 * rate doubles, step by step, back to the configured rate.
 */
public final class Throttle {

    public static final double MIN_FACTOR = 1.0 / 64;
    public static final Duration RECOVERY_STEP = Duration.ofSeconds(5);
    public static final Duration MAX_HOLD = Duration.ofMinutes(10);

    private double factor = 1;
    private Instant lastChange = Instant.EPOCH;
    private Instant heldUntil = Instant.EPOCH;

    /** Records a 429/503 answer at {@code now}, with the instant its Retry-After names, if any. */
    public void overloaded(Instant now, Instant retryAfter) {
        factor = Math.max(MIN_FACTOR, factor / 2);
        lastChange = now;
        if (retryAfter != null) {
            Instant capped = retryAfter.isAfter(now.plus(MAX_HOLD)) ? now.plus(MAX_HOLD) : retryAfter;
            if (capped.isAfter(heldUntil)) {
                heldUntil = capped;
            }
        }
    }

    /** Applies the recovery steps that have passed by {@code now}. */
    public void recover(Instant now) {
        while (factor < 1 && !now.isBefore(lastChange.plus(RECOVERY_STEP))) {
            factor = Math.min(1, factor * 2);
            lastChange = lastChange.plus(RECOVERY_STEP);
        }
    }

    /** The fraction of the configured rate the queue may use now (1 = not throttled). */
    public double factor() {
        return factor;
    }

    /** No new attempt of the queue starts before this instant. */
    public Instant heldUntil() {
        return heldUntil;
    }

    public boolean isActive(Instant now) {
        return factor < 1 || heldUntil.isAfter(now);
    }
}
