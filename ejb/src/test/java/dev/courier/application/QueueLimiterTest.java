package dev.courier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.domain.RateLimits;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueLimiterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void defersBeyondTheBurstToTheReservedSlot() {
        RateLimits limits = RateLimits.of(10, 100);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);

        assertEquals(Admission.Kind.ADMITTED, limiter.admit(limits, false, T0).kind());
        assertEquals(Admission.Kind.ADMITTED, limiter.admit(limits, false, T0).kind());
        Admission third = limiter.admit(limits, false, T0);

        assertEquals(Admission.Kind.DEFERRED, third.kind());
        assertEquals(T0.plusMillis(100), third.until());
        assertEquals(Admission.Kind.ADMITTED, limiter.admit(limits, true, third.until()).kind(), "prepaid at its slot");
    }

    @Test
    void neverHasMoreInFlightThanTheConcurrencyLimit() {
        RateLimits limits = RateLimits.of(500, 2);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);

        limiter.admit(limits, false, T0);
        limiter.admit(limits, false, T0);
        assertEquals(Admission.Kind.FULL, limiter.admit(limits, false, T0).kind());
        assertFalse(limiter.claimWaiting(), "no free slot yet");

        limiter.release();
        assertTrue(limiter.claimWaiting());
        assertFalse(limiter.claimWaiting(), "only one was waiting");
    }

    @Test
    void oneQueueNeverTakesMoreThanTheNodesCapPerQueue() {
        RateLimits limits = RateLimits.of(500, 1000);
        QueueLimiter limiter = new QueueLimiter(limits, 3, T0);

        for (int i = 0; i < 3; i++) {
            assertEquals(Admission.Kind.ADMITTED, limiter.admit(limits, true, T0).kind());
        }
        assertEquals(Admission.Kind.FULL, limiter.admit(limits, true, T0).kind());
    }

    @Test
    void anOverloadedWorkerSlowsTheQueueAndRetryAfterHoldsIt() {
        RateLimits limits = RateLimits.of(100, 1000);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);

        limiter.overloaded(T0, T0.plusSeconds(3));

        assertEquals(50, limiter.effectiveRate());
        Admission held = limiter.admit(limits, false, T0.plusSeconds(1));
        assertEquals(Admission.Kind.DEFERRED, held.kind());
        assertEquals(T0.plusSeconds(3), held.until());
        limiter.tick(T0.plusSeconds(10));
        assertEquals(100, limiter.effectiveRate(), "recovered after quiet time");
    }

    @Test
    void followsAnUpdatedRate() {
        QueueLimiter limiter = new QueueLimiter(RateLimits.of(10, 100), 1000, T0);

        limiter.admit(RateLimits.of(1, 100), false, T0);
        Admission next = limiter.admit(RateLimits.of(1, 100), false, T0);

        assertEquals(1, limiter.effectiveRate());
        assertEquals(T0.plusSeconds(1), next.until());
    }
}
