package dev.courier.domain;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A queue's retry config: when a failed task is tried again, and when it is given up.
 *
 * <p>The k-th retry (k = 1 after the first failed attempt) waits
 * {@code min(maxBackoff, minBackoff * 2^min(k-1, maxDoublings) * max(1, k - maxDoublings))}:
 * doubling {@code maxDoublings} times, then growing linearly, capped at {@code maxBackoff}.
 * A task is given up only when both limits are used up: {@code maxAttempts} (-1 = unlimited) and
 * {@code maxRetryDuration} since the first attempt (zero = unlimited).
 */
public record RetryPolicy(
        int maxAttempts, Duration maxRetryDuration, Duration minBackoff, Duration maxBackoff, int maxDoublings) {

    public static final int UNLIMITED_ATTEMPTS = -1;

    /** The defaults of a queue created without a retry config. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(100, Duration.ZERO, Duration.ofMillis(100), Duration.ofSeconds(3600), 16);

    public RetryPolicy {
        if (maxAttempts < UNLIMITED_ATTEMPTS) {
            throw ApiException.invalidArgument("RetryConfig.maxAttempts must be -1 (unlimited) or positive.");
        }
        requireNonNegative(maxRetryDuration, "maxRetryDuration");
        requireNonNegative(minBackoff, "minBackoff");
        requireNonNegative(maxBackoff, "maxBackoff");
        if (minBackoff.compareTo(maxBackoff) > 0) {
            throw ApiException.invalidArgument(
                    "RetryConfig.minBackoff must be less than or equal to RetryConfig.maxBackoff.");
        }
        if (maxDoublings < 0) {
            throw ApiException.invalidArgument("RetryConfig.maxDoublings must not be negative.");
        }
    }

    /** The wait before retry number {@code retry} (1 for the first retry). */
    public Duration delayBeforeRetry(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry numbers start at 1, got " + retry);
        }
        int doublings = Math.min(retry - 1, maxDoublings);
        long linearFactor = Math.max(1, (long) retry - maxDoublings);
        // BigInteger because minBackoff * 2^doublings overflows a long for large maxDoublings.
        BigInteger nanos = BigInteger.valueOf(minBackoff.toNanos())
                .shiftLeft(doublings)
                .multiply(BigInteger.valueOf(linearFactor));
        BigInteger cap = BigInteger.valueOf(maxBackoff.toNanos());
        return Duration.ofNanos(nanos.min(cap).longValueExact());
    }

    /**
     * Whether a task that has now failed its {@code attemptsMade}-th attempt is given up.
     *
     * @param firstAttempt when the task's first attempt was dispatched
     */
    public boolean isExhausted(int attemptsMade, Instant firstAttempt, Instant now) {
        boolean attemptsUnlimited = maxAttempts == UNLIMITED_ATTEMPTS;
        boolean durationUnlimited = maxRetryDuration.isZero();
        boolean attemptsUsedUp = !attemptsUnlimited && attemptsMade >= maxAttempts;
        boolean durationUsedUp =
                !durationUnlimited && Duration.between(firstAttempt, now).compareTo(maxRetryDuration) >= 0;
        if (attemptsUnlimited && durationUnlimited) {
            return false;
        }
        if (durationUnlimited) {
            return attemptsUsedUp;
        }
        if (attemptsUnlimited) {
            return durationUsedUp;
        }
        return attemptsUsedUp && durationUsedUp;
    }

    /**
     * When a task that has now failed its {@code attemptsMade}-th attempt runs again: after the
     * backoff, or at the worker's {@code Retry-After} if that is later; empty once the task is
     * given up.
     *
     * @param firstAttempt when the task's first attempt was dispatched
     * @param retryAfter the worker's Retry-After, or null
     */
    public Optional<Instant> nextAttemptAt(int attemptsMade, Instant firstAttempt, Instant now, Instant retryAfter) {
        if (isExhausted(attemptsMade, firstAttempt, now)) {
            return Optional.empty();
        }
        Instant afterBackoff = now.plus(delayBeforeRetry(attemptsMade));
        return Optional.of(retryAfter != null && retryAfter.isAfter(afterBackoff) ? retryAfter : afterBackoff);
    }

    private static void requireNonNegative(Duration value, String field) {
        if (value == null || value.isNegative()) {
            throw ApiException.invalidArgument("RetryConfig." + field + " must not be negative.");
        }
    }
}
