package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void documentedExampleDoublesThreeTimesThenGrowsLinearlyUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(-1, Duration.ZERO, Duration.ofSeconds(10), Duration.ofSeconds(300), 3);

        List<Long> delays = IntStream.rangeClosed(1, 8)
                .mapToObj(k -> policy.delayBeforeRetry(k).toSeconds())
                .toList();

        assertEquals(List.of(10L, 20L, 40L, 80L, 160L, 240L, 300L, 300L), delays);
    }

    @Test
    void defaultPolicyDoublesFromOneTenthOfASecondAndSettlesAtAnHour() {
        RetryPolicy policy = RetryPolicy.DEFAULT;

        assertEquals(Duration.ofMillis(100), policy.delayBeforeRetry(1));
        assertEquals(Duration.ofMillis(200), policy.delayBeforeRetry(2));
        assertEquals(Duration.ofMillis(400), policy.delayBeforeRetry(3));
        assertEquals(Duration.ofMillis(3_276_800), policy.delayBeforeRetry(16));
        assertEquals(Duration.ofSeconds(3600), policy.delayBeforeRetry(17));
        assertEquals(Duration.ofSeconds(3600), policy.delayBeforeRetry(99));
    }

    @Test
    void zeroDoublingsGivesALinearSeries() {
        RetryPolicy policy = new RetryPolicy(-1, Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(100), 0);

        assertEquals(
                List.of(2L, 4L, 6L, 8L),
                IntStream.rangeClosed(1, 4)
                        .mapToObj(k -> policy.delayBeforeRetry(k).toSeconds())
                        .toList());
    }

    @Test
    void hugeRetryNumbersDoNotOverflow() {
        RetryPolicy policy = new RetryPolicy(-1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofDays(1), 200);

        assertEquals(Duration.ofDays(1), policy.delayBeforeRetry(10_000));
    }

    @Test
    void attemptLimitAloneStopsAfterMaxAttempts() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), 16);
        Instant first = clock.instant();

        assertFalse(policy.isExhausted(2, first, first.plusSeconds(5)));
        assertTrue(policy.isExhausted(3, first, first.plusSeconds(5)));
    }

    @Test
    void unlimitedAttemptsAndDurationNeverStop() {
        RetryPolicy policy = new RetryPolicy(-1, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), 16);

        assertFalse(
                policy.isExhausted(1_000_000, clock.instant(), clock.instant().plus(Duration.ofDays(30))));
    }

    @Test
    void durationLimitAloneStopsOnceTheDurationHasPassedSinceTheFirstAttempt() {
        RetryPolicy policy =
                new RetryPolicy(-1, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(10), 16);
        Instant first = clock.instant();

        assertFalse(policy.isExhausted(50, first, first.plusSeconds(59)));
        assertTrue(policy.isExhausted(50, first, first.plusSeconds(60)));
    }

    @Test
    void bothLimitsMustBeUsedUpBeforeStopping() {
        RetryPolicy policy =
                new RetryPolicy(5, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(10), 16);
        Instant first = clock.instant();

        assertFalse(policy.isExhausted(5, first, first.plusSeconds(30)), "attempts used up, duration not");
        assertFalse(policy.isExhausted(2, first, first.plusSeconds(90)), "duration used up, attempts not");
        assertTrue(policy.isExhausted(5, first, first.plusSeconds(90)));
    }

    @Test
    void refusesMinBackoffAboveMaxBackoff() {
        ApiException e = assertThrows(
                ApiException.class,
                () -> new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(20), Duration.ofSeconds(10), 16));
        assertEquals(StatusCode.INVALID_ARGUMENT, e.code());
    }

    @Test
    void refusesAttemptsBelowMinusOne() {
        assertThrows(
                ApiException.class,
                () -> new RetryPolicy(-2, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(10), 16));
    }

    @Test
    void retryNumbersStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.DEFAULT.delayBeforeRetry(0));
    }

    @Test
    void theNextAttemptFollowsTheBackoffUnlessTheWorkersRetryAfterIsLater() {
        RetryPolicy policy = new RetryPolicy(5, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(60), 16);
        Instant first = Instant.parse("2026-01-01T00:00:00Z");
        Instant now = first.plusSeconds(10);

        assertEquals(Optional.of(now.plusSeconds(4)), policy.nextAttemptAt(3, first, now, null), "1 s doubled twice");
        assertEquals(
                Optional.of(now.plusSeconds(4)),
                policy.nextAttemptAt(3, first, now, now.plusSeconds(2)),
                "an earlier Retry-After does not bring the retry forward");
        assertEquals(Optional.of(now.plusSeconds(30)), policy.nextAttemptAt(3, first, now, now.plusSeconds(30)));
    }

    @Test
    void thereIsNoNextAttemptOnceTheRetryConfigIsUsedUp() {
        RetryPolicy policy = new RetryPolicy(3, Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(60), 16);
        Instant first = Instant.parse("2026-01-01T00:00:00Z");

        assertEquals(
                Optional.empty(),
                policy.nextAttemptAt(3, first, first.plusSeconds(5), first.plusSeconds(30)),
                "not even a Retry-After brings a given-up task back");
    }
}
