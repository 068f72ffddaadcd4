package dev.courier.application;

import dev.courier.domain.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-queue rate and concurrency limiters of this node. Limiters are created on first use and
 * dropped after ten idle minutes; {@link #tick} (from {@code LimiterTimer}) refills the buckets
 * and lets throttled queues recover.
 *
 * <p>One queue never takes all of the node's dispatch sessions: an eighth of them (at least 4)
 * stay free for other queues, so a slow worker cannot stall the rest.
 */
@ApplicationScoped
public class DispatchLimiter {

    static final Duration IDLE_EVICTION = Duration.ofMinutes(10);

    private final Map<String, QueueLimiter> limiters = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "courier.dispatch.max-sessions", defaultValue = "64")
    int sessions;

    /** The most attempts of one queue this node runs at once. */
    int nodeCapPerQueue() {
        return Math.max(1, sessions - Math.max(4, sessions / 8));
    }

    Admission admit(QueueSettings queue, boolean prepaid, Instant now) {
        return limiter(queue.name(), queue.limits(), now).admit(queue.limits(), prepaid, now);
    }

    void forceAdmit(QueueSettings queue, Instant now) {
        limiter(queue.name(), queue.limits(), now).forceAdmit(now);
    }

    void release(String queueName) {
        QueueLimiter limiter = limiters.get(queueName);
        if (limiter != null) {
            limiter.release();
        }
    }

    boolean claimWaiting(String queueName) {
        QueueLimiter limiter = limiters.get(queueName);
        return limiter != null && limiter.claimWaiting();
    }

    void clearWaiting(String queueName) {
        QueueLimiter limiter = limiters.get(queueName);
        if (limiter != null) {
            limiter.clearWaiting();
        }
    }

    int freeSlots(QueueSettings queue, Instant now) {
        return limiter(queue.name(), queue.limits(), now).freeSlots(queue.limits(), now);
    }

    void overloaded(String queueName, Instant now, Instant retryAfter) {
        QueueLimiter limiter = limiters.get(queueName);
        if (limiter != null) {
            limiter.overloaded(now, retryAfter);
        }
    }

    /** The rate the queue may use now (configured rate times the system throttle), or NaN if unknown. */
    public double effectiveRate(String queueName) {
        QueueLimiter limiter = limiters.get(queueName);
        return limiter == null ? Double.NaN : limiter.effectiveRate();
    }

    public void tick(Instant now) {
        Instant cutoff = now.minus(IDLE_EVICTION);
        limiters.values().removeIf(limiter -> limiter.isIdle(now, cutoff));
        limiters.values().forEach(limiter -> limiter.tick(now));
    }

    private QueueLimiter limiter(String queueName, RateLimits limits, Instant now) {
        return limiters.computeIfAbsent(queueName, name -> new QueueLimiter(limits, nodeCapPerQueue(), now));
    }
}
