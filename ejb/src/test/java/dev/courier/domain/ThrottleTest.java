package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void eachOverloadHalvesTheRateDownToOneSixtyFourth() {
        Throttle throttle = new Throttle();

        throttle.overloaded(T0, null);
        assertEquals(0.5, throttle.factor());
        for (int i = 0; i < 10; i++) {
            throttle.overloaded(T0, null);
        }
        assertEquals(1.0 / 64, throttle.factor());
    }

    @Test
    void recoversByDoublingEveryFiveQuietSeconds() {
        Throttle throttle = new Throttle();
        throttle.overloaded(T0, null);
        throttle.overloaded(T0, null);

        throttle.recover(T0.plusSeconds(4));
        assertEquals(0.25, throttle.factor());
        throttle.recover(T0.plusSeconds(5));
        assertEquals(0.5, throttle.factor());
        throttle.recover(T0.plusSeconds(12));
        assertEquals(1.0, throttle.factor());
        assertFalse(throttle.isActive(T0.plusSeconds(12)));
    }

    @Test
    void retryAfterHoldsTheQueueAtMostTenMinutes() {
        Throttle throttle = new Throttle();

        throttle.overloaded(T0, T0.plusSeconds(30));
        assertEquals(T0.plusSeconds(30), throttle.heldUntil());
        assertTrue(throttle.isActive(T0.plusSeconds(29)));

        throttle.overloaded(T0, T0.plus(Duration.ofHours(5)));
        assertEquals(T0.plus(Throttle.MAX_HOLD), throttle.heldUntil());
    }

    @Test
    void readsRetryAfterInSecondsOrAsAnHttpDate() {
        assertEquals(T0.plusSeconds(120), RetryAfter.parse("120", T0).orElseThrow());
        assertEquals(
                Instant.parse("2026-01-01T00:01:00Z"),
                RetryAfter.parse("Thu, 01 Jan 2026 00:01:00 GMT", T0).orElseThrow());
        assertTrue(RetryAfter.parse("soon", T0).isEmpty());
        assertTrue(RetryAfter.parse(null, T0).isEmpty());
    }
}
