package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DispatchCalendarTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant FAR = T0.plus(Duration.ofDays(1));

    @Test
    void aBacklogGoesAsTheBurstThenAtTheRate() {
        DispatchCalendar calendar = new DispatchCalendar(10, 2); // slots 100 ms apart

        assertEquals(T0, slot(calendar, T0));
        assertEquals(T0, slot(calendar, T0));
        assertEquals(T0.plusMillis(100), slot(calendar, T0));
        assertEquals(T0.plusMillis(200), slot(calendar, T0));
    }

    @Test
    void aTaskBetweenSlotsGoesAtItsDueTimeWhenTheBucketHasATokenSaved() {
        DispatchCalendar calendar = new DispatchCalendar(10, 2);

        assertEquals(T0.plusMillis(130), slot(calendar, T0.plusMillis(130)));
        assertEquals(T0.plusMillis(130), slot(calendar, T0.plusMillis(130)));
        assertEquals(T0.plusMillis(200), slot(calendar, T0.plusMillis(130)));
    }

    @Test
    void anEarlierTaskIsNotPushedBehindLaterReservations() {
        DispatchCalendar calendar = new DispatchCalendar(1, 1);
        for (int i = 0; i < 5; i++) {
            slot(calendar, T0.plusSeconds(60));
        }

        assertEquals(T0, slot(calendar, T0));
        assertEquals(T0.plusSeconds(65), slot(calendar, T0.plusSeconds(60)));
    }

    @Test
    void takesNothingWhenNoSlotIsFreeBeforeTheLatestInstant() {
        DispatchCalendar calendar = new DispatchCalendar(1, 1);
        slot(calendar, T0);

        assertEquals(Optional.empty(), calendar.reserve(T0, T0.plusMillis(500)));
        assertEquals(T0.plusSeconds(1), slot(calendar, T0), "the refused attempt took nothing");
    }

    @Test
    void keepsTheConfiguredRateOverALongBacklog() {
        DispatchCalendar calendar = new DispatchCalendar(500, 100); // periods of 200 ms
        Instant last = T0;
        for (int i = 0; i < 30_000; i++) {
            last = slot(calendar, T0);
        }

        assertEquals(T0.plusMillis(59_800), last, "a burst of 100, then 29,900 tasks 2 ms apart: 500/s");
    }

    @Test
    void neverExceedsTheBurstPlusOnePlusTheRate() {
        DispatchCalendar calendar = new DispatchCalendar(7, 2);
        Random random = new Random(42);
        List<Instant> slots = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            slots.add(slot(calendar, T0)); // a backlog
            slots.add(slot(calendar, T0.plusMillis(random.nextInt(30_000)))); // and scattered tasks
        }
        Collections.sort(slots);
        for (int i = 0; i < slots.size(); i++) {
            for (int j = i; j < slots.size(); j++) {
                double elapsed = Duration.between(slots.get(i), slots.get(j)).toNanos() / 1e9;
                assertTrue(
                        j - i + 1 <= 2 + 1 + 7 * elapsed + 1e-6,
                        "dispatches " + i + ".." + j + " in " + elapsed + " s");
            }
        }
    }

    @Test
    void forgetsSlotsTooOldToUse() {
        DispatchCalendar calendar = new DispatchCalendar(1, 1);
        slot(calendar, T0);
        slot(calendar, T0);

        calendar.advance(T0.plusSeconds(1));

        assertEquals(T0.plusSeconds(2), slot(calendar, T0.plusSeconds(1)), "the current slot is kept");
        calendar.advance(T0.plusSeconds(10));
        assertEquals(T0.plusSeconds(10), slot(calendar, T0.plusSeconds(10)));
    }

    private static Instant slot(DispatchCalendar calendar, Instant due) {
        return calendar.reserve(due, FAR).orElseThrow();
    }
}
