package dev.courier.application;

import dev.courier.domain.RateLimits;
import dev.courier.domain.Throttle;
import dev.courier.domain.TokenBucket;
import java.time.Duration;
import java.time.Instant;

/**
 * One queue's dispatch limits on this node: the token bucket (at the configured rate times the
 * system throttle's factor), the attempts in flight, and how many tasks wait for a slot.
 */
final class QueueLimiter {

    /** A slot this close is taken now rather than rescheduled: at most rate x 10 ms early. */
    static final Duration SLOT_TOLERANCE = Duration.ofMillis(10);

    private RateLimits limits;
    private final int nodeCap;
    private final TokenBucket bucket;
    private final Throttle throttle = new Throttle();
    private int inFlight;
    private int waiting;
    private Instant lastUsed;

    /** @param nodeCap the most attempts of one queue this node runs at once, whatever the queue allows */
    QueueLimiter(RateLimits limits, int nodeCap, Instant now) {
        this.limits = limits;
        this.nodeCap = nodeCap;
        this.bucket = new TokenBucket(limits.maxDispatchesPerSecond(), limits.maxBurstSize(), now);
        this.lastUsed = now;
    }

    synchronized Admission admit(RateLimits configured, boolean prepaid, Instant now) {
        configure(configured, now);
        lastUsed = now;
        Instant slot = prepaid ? now : bucket.reserve(now);
        if (throttle.heldUntil().isAfter(slot)) {
            slot = throttle.heldUntil();
        }
        if (slot.isAfter(now.plus(SLOT_TOLERANCE))) {
            return Admission.deferredUntil(slot);
        }
        if (inFlight >= concurrency()) {
            waiting++;
            return Admission.FULL;
        }
        inFlight++;
        return Admission.ADMITTED;
    }

    /** RunTask: counts as in flight, but ignores the limits. */
    synchronized void forceAdmit(Instant now) {
        lastUsed = now;
        inFlight++;
    }

    synchronized void release() {
        inFlight = Math.max(0, inFlight - 1);
    }

    /** Claims one waiting task for a free slot, if there are both. */
    synchronized boolean claimWaiting() {
        if (waiting > 0 && inFlight < concurrency()) {
            waiting--;
            return true;
        }
        return false;
    }

    /** Free slots, for tasks found waiting in the database (after a restart, or a missed wake-up). */
    synchronized int freeSlots(RateLimits configured, Instant now) {
        configure(configured, now);
        return Math.max(0, concurrency() - inFlight);
    }

    synchronized void overloaded(Instant now, Instant retryAfter) {
        throttle.overloaded(now, retryAfter);
        applyRate(now);
    }

    synchronized void tick(Instant now) {
        throttle.recover(now);
        applyRate(now);
        bucket.refill(now);
    }

    synchronized boolean isIdle(Instant now, Instant cutoff) {
        return inFlight == 0 && waiting == 0 && !throttle.isActive(now) && lastUsed.isBefore(cutoff);
    }

    /** Forgets waiting tasks the database no longer has. */
    synchronized void clearWaiting() {
        waiting = 0;
    }

    synchronized double effectiveRate() {
        return bucket.rate();
    }

    private int concurrency() {
        return Math.min(limits.maxConcurrentDispatches(), nodeCap);
    }

    private void configure(RateLimits configured, Instant now) {
        limits = configured;
        applyRate(now);
    }

    private void applyRate(Instant now) {
        double rate = limits.maxDispatchesPerSecond() * throttle.factor();
        if (rate != bucket.rate() || limits.maxBurstSize() != bucket.capacity()) {
            bucket.reconfigure(rate, limits.maxBurstSize(), now);
        }
    }
}
