package dev.courier.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * A queue's dispatch rate: {@code capacity} tokens, refilled continuously at {@code rate} per
 * second; each attempt takes one. When none is left a dispatch reserves the next token the
 * bucket will have (the balance goes below zero) and learns when that is, so a throttled task is
 * rescheduled once, to its slot, instead of polling. Not thread-safe: callers synchronize.
 */
public final class TokenBucket {

    private double rate;
    private int capacity;
    private double tokens;
    private Instant lastRefill;

    public TokenBucket(double rate, int capacity, Instant now) {
        this.rate = rate;
        this.capacity = capacity;
        this.tokens = capacity;
        this.lastRefill = now;
    }

    /** Adds the tokens earned since the last refill, up to the capacity. */
    public void refill(Instant now) {
        if (now.isAfter(lastRefill)) {
            double seconds = Duration.between(lastRefill, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + seconds * rate);
            lastRefill = now;
        }
    }

    /** Takes a token; returns {@code now} if one was there, else when the reserved one will be. */
    public Instant reserve(Instant now) {
        refill(now);
        tokens -= 1;
        if (tokens >= 0) {
            return now;
        }
        return now.plusNanos((long) Math.ceil(-tokens / rate * 1e9));
    }

    /** Changes rate and capacity; tokens already earned are kept, up to the new capacity. */
    public void reconfigure(double newRate, int newCapacity, Instant now) {
        refill(now);
        rate = newRate;
        capacity = newCapacity;
        tokens = Math.min(tokens, newCapacity);
    }

    public double rate() {
        return rate;
    }

    public int capacity() {
        return capacity;
    }

    public double tokens() {
        return tokens;
    }
}
