package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void aFullBucketLetsTheBurstGoAtOnce() {
        TokenBucket bucket = new TokenBucket(10, 2, T0);

        assertEquals(T0, bucket.reserve(T0));
        assertEquals(T0, bucket.reserve(T0));
    }

    @Test
    void beyondTheBurstEachDispatchGetsTheNextSlotAtTheRate() {
        TokenBucket bucket = new TokenBucket(10, 2, T0);
        bucket.reserve(T0);
        bucket.reserve(T0);

        assertEquals(T0.plusMillis(100), bucket.reserve(T0));
        assertEquals(T0.plusMillis(200), bucket.reserve(T0));
        assertEquals(T0.plusMillis(300), bucket.reserve(T0));
    }

    @Test
    void twoHundredDueTasksAtTenPerSecondSpreadOverNineteenAndAHalfSeconds() {
        TokenBucket bucket = new TokenBucket(10, RateLimits.burstSizeFor(10), T0);
        Instant last = T0;
        for (int i = 0; i < 200; i++) {
            last = bucket.reserve(T0);
        }
        assertEquals(T0.plus(Duration.ofMillis(19_800)), last);
    }

    @Test
    void refillsOverTimeUpToTheCapacity() {
        TokenBucket bucket = new TokenBucket(10, 2, T0);
        bucket.reserve(T0);
        bucket.reserve(T0);

        bucket.refill(T0.plusSeconds(60));

        assertEquals(2.0, bucket.tokens(), 1e-9);
    }

    @Test
    void slowingTheRateStretchesTheSlotsOfLaterDispatches() {
        TokenBucket bucket = new TokenBucket(10, 1, T0);
        bucket.reserve(T0);

        bucket.reconfigure(2, 1, T0);

        assertEquals(T0.plusMillis(500), bucket.reserve(T0));
    }
}
