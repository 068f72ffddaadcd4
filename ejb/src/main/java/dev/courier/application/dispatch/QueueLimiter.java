package dev.courier.application.dispatch;

import dev.courier.domain.DispatchCalendar;
import dev.courier.domain.RateLimits;
import dev.courier.domain.Throttle;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One queue's dispatch limits on this node: the dispatch calendar (the token bucket at the
 * configured rate times the system throttle's factor, laid out ahead), the attempts in flight,
 * how many tasks wait for room in flight, and whether due tasks are held back in the database.
 *
 * <p>Every calendar has an epoch. A message sent with a slot of the current calendar is
 * admitted on arrival without taking another one; when the rate changes (UpdateQueue, the
 * system throttle) or the node restarts, the calendar is replaced and older messages take a
 * slot again when they arrive.
 */
final class QueueLimiter {

    /** A slot this close is taken now rather than rescheduled: at most 10 ms early. */
    static final Duration SLOT_TOLERANCE = Duration.ofMillis(10);

    /** Epochs never repeat, not even across restarts of the node. */
    private static final AtomicLong EPOCHS = new AtomicLong(System.currentTimeMillis() << 20);

    private RateLimits limits;
    private final int nodeCap;
    private final Throttle throttle = new Throttle();
    private DispatchCalendar calendar;
    private long epoch;
    private int inFlight;
    private int waiting;
    private boolean holdingBacklog;
    private Instant lastUsed;

    /** @param nodeCap the most attempts of one queue this node runs at once, whatever the queue allows */
    QueueLimiter(RateLimits limits, int nodeCap, Instant now) {
        this.limits = limits;
        this.nodeCap = nodeCap;
        this.lastUsed = now;
        newCalendar(limits.maxDispatchesPerSecond());
    }

    /**
     * A dispatch slot at or after {@code due} and no later than {@code latest}; empty if the
     * calendar is full until then.
     */
    synchronized Optional<Reservation> reserve(RateLimits configured, Instant due, Instant latest, Instant now) {
        configure(configured);
        lastUsed = now;
        return slotFrom(due, latest);
    }

    /**
     * Decides on a message that has arrived: one holding a slot of the current calendar goes
     * (if there is room in flight); any other takes a slot now, and goes or comes back then.
     */
    synchronized Admission admit(RateLimits configured, long reservedEpoch, Instant now, Instant latest) {
        configure(configured);
        lastUsed = now;
        if (reservedEpoch != epoch || throttle.heldUntil().isAfter(now)) {
            Optional<Reservation> reservation = slotFrom(now, latest);
            if (reservation.isEmpty()) {
                holdingBacklog = true;
                return Admission.HOLD;
            }
            if (reservation.get().slot().isAfter(now.plus(SLOT_TOLERANCE))) {
                return Admission.deferred(reservation.get());
            }
        }
        if (inFlight >= concurrency()) {
            waiting++;
            return Admission.WAIT;
        }
        inFlight++;
        return Admission.ADMITTED;
    }

    /** RunTask: counts as in flight, but ignores the limits. */
    synchronized void forceAdmit(Instant now) {
        lastUsed = now;
        inFlight++;
    }

    synchronized void attemptEnded() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /** Counts one waiting task as released, if there is one and room in flight for it. */
    synchronized boolean releaseWaiting() {
        if (waiting > 0 && inFlight < concurrency()) {
            waiting--;
            return true;
        }
        return false;
    }

    /** Room in flight, for tasks found waiting in the database (after a restart, or a missed release). */
    synchronized int roomInFlight(RateLimits configured, Instant now) {
        configure(configured);
        return Math.max(0, concurrency() - inFlight);
    }

    synchronized void overloaded(Instant now, Instant retryAfter) {
        throttle.overloaded(now, retryAfter);
        applyRate();
    }

    synchronized void tick(Instant now) {
        throttle.recover(now);
        applyRate();
        calendar.advance(now);
    }

    synchronized boolean isIdle(Instant now, Instant cutoff) {
        return inFlight == 0 && waiting == 0 && !holdingBacklog && !throttle.isActive(now) && lastUsed.isBefore(cutoff);
    }

    /** Forgets waiting tasks the database no longer has. */
    synchronized void forgetWaiting() {
        waiting = 0;
    }

    /**
     * Due tasks of the queue are held in the database for lack of slots: new ones queue up
     * behind them (in the database) rather than take the slots the promoter frees for them.
     */
    synchronized boolean isHoldingBacklog() {
        return holdingBacklog;
    }

    synchronized void holdBacklog() {
        holdingBacklog = true;
    }

    synchronized void backlogPromoted() {
        holdingBacklog = false;
    }

    synchronized long epoch() {
        return epoch;
    }

    synchronized double effectiveRate() {
        return calendar.rate();
    }

    /** A slot of the current calendar at or after {@code due}, never before a Retry-After hold ends. */
    private Optional<Reservation> slotFrom(Instant due, Instant latest) {
        Instant from = throttle.heldUntil().isAfter(due) ? throttle.heldUntil() : due;
        return calendar.reserve(from, latest).map(slot -> new Reservation(slot, epoch));
    }

    private int concurrency() {
        return Math.min(limits.maxConcurrentDispatches(), nodeCap);
    }

    private void configure(RateLimits configured) {
        limits = configured;
        applyRate();
    }

    private void applyRate() {
        double rate = limits.maxDispatchesPerSecond() * throttle.factor();
        if (rate != calendar.rate() || limits.maxBurstSize() != calendar.burst()) {
            newCalendar(rate);
        }
    }

    private void newCalendar(double rate) {
        calendar = new DispatchCalendar(rate, limits.maxBurstSize());
        epoch = EPOCHS.incrementAndGet();
    }
}
