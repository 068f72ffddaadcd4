package dev.courier.application.dispatch;

import dev.courier.domain.RateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The per-queue rate and concurrency limiters of this node. Limiters are created on first use and
 * dropped after ten idle minutes; {@link #tick} (from {@code LimiterTimer}) moves the calendars
 * on and lets throttled queues recover.
 *
 * <p>Slots are given out at most the reservation window ahead: a task due later, or one that
 * finds its queue's calendar full until then, is held in the database and promoted as the window
 * moves on. This bounds the messages in the broker by rate x window per queue, whatever the
 * backlog, and keeps one queue's backlog from filling the broker ahead of other queues' tasks.
 *
 * <p>One queue never takes all of the node's room for calls in flight ({@link CallsInFlight}): an
 * eighth of it (at least 4) stays free for other queues, so one slow worker cannot stall the rest.
 */
@ApplicationScoped
public class DispatchLimiter {

    static final Duration IDLE_EVICTION = Duration.ofMinutes(10);

    private final Map<String, QueueLimiter> limiters = new ConcurrentHashMap<>();

    @Inject
    @ConfigProperty(name = "courier.dispatch.max-in-flight")
    int maxInFlight;

    @Inject
    @ConfigProperty(name = "courier.dispatch.reservation-window")
    Duration reservationWindow;

    /** The most attempts of one queue this node runs at once. */
    int nodeCapPerQueue() {
        return Math.max(1, maxInFlight - Math.max(4, maxInFlight / 8));
    }

    /** The latest instant a slot may be given out for now. */
    Instant horizon(Instant now) {
        return now.plus(reservationWindow);
    }

    /** A slot at or after {@code from} (not before now), within the reservation window; empty if none is left. */
    Optional<Reservation> reserve(QueueSettings queue, Instant from, Instant now) {
        return limiter(queue.name(), queue.limits(), now).reserve(queue.limits(), from, horizon(now), now);
    }

    Admission admit(QueueSettings queue, long reservedEpoch, Instant now) {
        return limiter(queue.name(), queue.limits(), now).admit(queue.limits(), reservedEpoch, now, horizon(now));
    }

    /** The epoch of the queue's current calendar, for a message that needs no new slot. */
    long epoch(String queueName) {
        return existing(queueName).map(QueueLimiter::epoch).orElse(DispatchOrder.NO_RESERVATION);
    }

    boolean isHoldingBacklog(String queueName) {
        return existing(queueName).map(QueueLimiter::isHoldingBacklog).orElse(false);
    }

    void holdBacklog(QueueSettings queue, Instant now) {
        limiter(queue.name(), queue.limits(), now).holdBacklog();
    }

    void backlogPromoted(String queueName) {
        existing(queueName).ifPresent(QueueLimiter::backlogPromoted);
    }

    /** Forgets the backlogs of queues that no longer hold due tasks (purged, deleted, paused). */
    void backlogsOnlyIn(Set<String> queuesHoldingDueTasks) {
        limiters.forEach((queueName, limiter) -> {
            if (!queuesHoldingDueTasks.contains(queueName)) {
                limiter.backlogPromoted();
            }
        });
    }

    void forceAdmit(QueueSettings queue, Instant now) {
        limiter(queue.name(), queue.limits(), now).forceAdmit(now);
    }

    /** An attempt of the queue is over (its outcome may not be recorded yet): one fewer in flight. */
    void attemptEnded(String queueName) {
        existing(queueName).ifPresent(QueueLimiter::attemptEnded);
    }

    /** Whether a waiting task of the queue is to be released now; if so, it counts as released. */
    boolean releaseWaiting(String queueName) {
        return existing(queueName).map(QueueLimiter::releaseWaiting).orElse(false);
    }

    /** The queue has no waiting tasks left in the database. */
    void forgetWaiting(String queueName) {
        existing(queueName).ifPresent(QueueLimiter::forgetWaiting);
    }

    /** How many more attempts of the queue may start now. */
    int roomInFlight(QueueSettings queue, Instant now) {
        return limiter(queue.name(), queue.limits(), now).roomInFlight(queue.limits(), now);
    }

    void overloaded(String queueName, Instant now, Instant retryAfter) {
        existing(queueName).ifPresent(limiter -> limiter.overloaded(now, retryAfter));
    }

    public void tick(Instant now) {
        Instant cutoff = now.minus(IDLE_EVICTION);
        limiters.values().removeIf(limiter -> limiter.isIdle(now, cutoff));
        limiters.values().forEach(limiter -> limiter.tick(now));
    }

    /** The queue's limiter if this node has one (it is created by the first admission). */
    private Optional<QueueLimiter> existing(String queueName) {
        return Optional.ofNullable(limiters.get(queueName));
    }

    private QueueLimiter limiter(String queueName, RateLimits limits, Instant now) {
        return limiters.computeIfAbsent(queueName, name -> new QueueLimiter(limits, nodeCapPerQueue(), now));
    }
}
