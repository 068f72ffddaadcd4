package dev.courier.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A queue's token bucket laid out ahead in time, so that a task can be given its dispatch slot
 * when it is enqueued rather than when it is due. Tokens are slots on a grid {@code 1 / rate}
 * seconds apart, one dispatch each. A task due at {@code t} takes the first free slot from
 * {@code burst} slots before {@code t} onwards and is dispatched at {@code t} or at its slot,
 * whichever is later: slots left free before {@code t} are the tokens an idle bucket saved up.
 *
 * <p>So a backlog due at once goes as a burst of at most {@code burst}, then at exactly
 * {@code rate}; in any window of s seconds at most {@code burst + 1 + rate x s} dispatches start
 * (the one extra from where the window meets the grid).
 *
 * <p>Reservations may arrive in any order of due time. Not thread-safe: callers synchronize.
 */
public final class DispatchCalendar {

    private final double rate;
    private final int burst;
    private final long slotNanos;
    /** Each taken slot maps to a later slot that may be free (path-compressed on lookup). */
    private final Map<Long, Long> takenToLater = new HashMap<>();

    public DispatchCalendar(double rate, int burst) {
        this.rate = rate;
        this.burst = burst;
        this.slotNanos = Math.max(1, Math.round(1e9 / rate));
    }

    /**
     * Takes the first free slot for a task due at {@code due}; empty (nothing taken) if it would
     * dispatch after {@code latest}.
     */
    public Optional<Instant> reserve(Instant due, Instant latest) {
        long slot = freeFrom(slotAtOrBefore(due) - (burst - 1));
        Instant slotTime = timeOf(slot);
        Instant dispatch = due.isAfter(slotTime) ? due : slotTime;
        if (dispatch.isAfter(latest)) {
            return Optional.empty();
        }
        takenToLater.put(slot, slot + 1);
        return Optional.of(dispatch);
    }

    /** Forgets slots too old for any task due from {@code now} on to use. */
    public void advance(Instant now) {
        long oldestUsable = slotAtOrBefore(now) - (burst - 1);
        takenToLater.keySet().removeIf(slot -> slot < oldestUsable);
    }

    public double rate() {
        return rate;
    }

    public int burst() {
        return burst;
    }

    private long freeFrom(long slot) {
        long free = slot;
        while (takenToLater.containsKey(free)) {
            free = takenToLater.get(free);
        }
        // Path compression: the taken slots walked over now point straight at the free one.
        for (long taken = slot; taken != free; ) {
            long next = takenToLater.put(taken, free);
            taken = next;
        }
        return free;
    }

    private long slotAtOrBefore(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() * 1_000_000_000L + instant.getNano(), slotNanos);
    }

    private Instant timeOf(long slot) {
        long nanos = slot * slotNanos;
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
