package dev.courier.application.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.domain.RateLimits;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueLimiterTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant WINDOW_END = T0.plusSeconds(10);
    private static final long NO_SLOT = 0;

    @Test
    void givesSlotsAtTheRateAndNoneBeyondTheWindow() {
        RateLimits limits = RateLimits.of(1, 100);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);

        for (int second = 0; second <= 10; second++) {
            assertEquals(
                    T0.plusSeconds(second),
                    limiter.reserve(limits, T0, WINDOW_END, T0).orElseThrow().slot());
        }
        assertEquals(Optional.empty(), limiter.reserve(limits, T0, WINDOW_END, T0));
    }

    @Test
    void aMessageHoldingACurrentSlotGoesWithoutTakingAnother() {
        RateLimits limits = RateLimits.of(1, 100);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);
        Reservation first = limiter.reserve(limits, T0, WINDOW_END, T0).orElseThrow();

        assertEquals(
                Admission.Kind.ADMITTED,
                limiter.admit(limits, first.epoch(), T0, WINDOW_END).kind());
        assertEquals(
                T0.plusSeconds(1),
                limiter.reserve(limits, T0, WINDOW_END, T0).orElseThrow().slot(),
                "the admitted message took no second slot");
    }

    @Test
    void aMessageWithoutACurrentSlotTakesOneAndComesBackThen() {
        RateLimits limits = RateLimits.of(10, 100); // a burst of 2, then 100 ms apart
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);

        assertEquals(
                Admission.Kind.ADMITTED,
                limiter.admit(limits, NO_SLOT, T0, WINDOW_END).kind());
        assertEquals(
                Admission.Kind.ADMITTED,
                limiter.admit(limits, NO_SLOT, T0, WINDOW_END).kind());
        Admission third = limiter.admit(limits, NO_SLOT, T0, WINDOW_END);

        assertEquals(Admission.Kind.DEFERRED, third.kind());
        assertEquals(T0.plusMillis(100), third.reservation().slot());
        assertEquals(
                Admission.Kind.ADMITTED,
                limiter.admit(
                                limits,
                                third.reservation().epoch(),
                                third.reservation().slot(),
                                WINDOW_END)
                        .kind());
    }

    @Test
    void holdsTheMessageWhenTheWindowIsFull() {
        RateLimits limits = RateLimits.of(1, 100);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);
        while (limiter.reserve(limits, T0, WINDOW_END, T0).isPresent()) {
            // fill the window
        }

        assertEquals(
                Admission.Kind.HOLD,
                limiter.admit(limits, NO_SLOT, T0, WINDOW_END).kind());
        assertTrue(limiter.isHoldingBacklog());
        limiter.backlogPromoted();
        assertFalse(limiter.isHoldingBacklog());
    }

    @Test
    void neverHasMoreInFlightThanTheConcurrencyLimit() {
        RateLimits limits = RateLimits.of(500, 2);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);

        limiter.admit(limits, NO_SLOT, T0, WINDOW_END);
        limiter.admit(limits, NO_SLOT, T0, WINDOW_END);
        assertEquals(
                Admission.Kind.WAIT,
                limiter.admit(limits, NO_SLOT, T0, WINDOW_END).kind());
        assertFalse(limiter.releaseWaiting(), "no room in flight yet");

        limiter.attemptEnded();
        assertTrue(limiter.releaseWaiting());
        assertFalse(limiter.releaseWaiting(), "only one was waiting");
    }

    @Test
    void oneQueueNeverTakesMoreThanTheNodesCapPerQueue() {
        RateLimits limits = RateLimits.of(500, 1000);
        QueueLimiter limiter = new QueueLimiter(limits, 3, T0);
        long epoch = limiter.epoch();

        for (int i = 0; i < 3; i++) {
            assertEquals(
                    Admission.Kind.ADMITTED,
                    limiter.admit(limits, epoch, T0, WINDOW_END).kind());
        }
        assertEquals(
                Admission.Kind.WAIT,
                limiter.admit(limits, epoch, T0, WINDOW_END).kind());
    }

    @Test
    void anOverloadedWorkerSlowsTheQueueAndRetryAfterHoldsEvenReservedMessages() {
        RateLimits limits = RateLimits.of(100, 1000);
        QueueLimiter limiter = new QueueLimiter(limits, 1000, T0);

        limiter.overloaded(T0, T0.plusSeconds(3));

        assertEquals(50, limiter.effectiveRate());
        Admission held = limiter.admit(limits, limiter.epoch(), T0.plusSeconds(1), WINDOW_END);
        assertEquals(Admission.Kind.DEFERRED, held.kind());
        assertEquals(T0.plusSeconds(3), held.reservation().slot());
        limiter.tick(T0.plusSeconds(10));
        assertEquals(100, limiter.effectiveRate(), "recovered after quiet time");
    }

    @Test
    void anUpdatedRateStartsANewCalendarWhoseSlotsOlderMessagesMustTakeAgain() {
        QueueLimiter limiter = new QueueLimiter(RateLimits.of(10, 100), 1000, T0);
        long before = limiter.epoch();

        Reservation first =
                limiter.reserve(RateLimits.of(1, 100), T0, WINDOW_END, T0).orElseThrow();
        Reservation second =
                limiter.reserve(RateLimits.of(1, 100), T0, WINDOW_END, T0).orElseThrow();

        assertEquals(1, limiter.effectiveRate());
        assertNotEquals(before, first.epoch());
        assertEquals(T0.plusSeconds(1), second.slot());
        assertEquals(
                Admission.Kind.DEFERRED,
                limiter.admit(RateLimits.of(1, 100), before, T0, WINDOW_END).kind());
    }
}
