package dev.courier.infrastructure.persistence;

import dev.courier.domain.RateLimits;
import dev.courier.domain.RetryPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A Cloud Tasks queue as stored: its name, state, rate limits and retry config. */
@Entity
@Table(name = "courier_queue")
public class QueueEntity {

    /** Dispatch state; the names are Cloud Tasks' {@code Queue.State} values. */
    public enum State {
        RUNNING,
        PAUSED,
        DISABLED
    }

    @Id
    private String name;

    @Enumerated(EnumType.STRING)
    private State state;

    @Column(name = "max_dispatches_per_second")
    private double maxDispatchesPerSecond;

    @Column(name = "max_burst_size")
    private int maxBurstSize;

    @Column(name = "max_concurrent_dispatches")
    private int maxConcurrentDispatches;

    @Column(name = "max_attempts")
    private int maxAttempts;

    @Column(name = "max_retry_duration_ms")
    private long maxRetryDurationMillis;

    @Column(name = "min_backoff_ms")
    private long minBackoffMillis;

    @Column(name = "max_backoff_ms")
    private long maxBackoffMillis;

    @Column(name = "max_doublings")
    private int maxDoublings;

    @Column(name = "purge_time")
    private Instant purgeTime;

    @Column(name = "create_time")
    private Instant createTime;

    /** httpTarget, appEngineRoutingOverride and stackdriverLoggingConfig: a protobuf-encoded Queue. */
    private byte[] routing;

    protected QueueEntity() {}

    public QueueEntity(String name, RateLimits rateLimits, RetryPolicy retryPolicy, Instant createTime) {
        this.name = name;
        this.state = State.RUNNING;
        this.createTime = createTime;
        setRateLimits(rateLimits);
        setRetryPolicy(retryPolicy);
    }

    public String name() {
        return name;
    }

    public State state() {
        return state;
    }

    public void setState(State state) {
        this.state = state;
    }

    public Instant purgeTime() {
        return purgeTime;
    }

    public void setPurgeTime(Instant purgeTime) {
        this.purgeTime = purgeTime;
    }

    public byte[] routing() {
        return routing;
    }

    public void setRouting(byte[] routing) {
        this.routing = routing;
    }

    public RateLimits rateLimits() {
        return new RateLimits(maxDispatchesPerSecond, maxBurstSize, maxConcurrentDispatches);
    }

    public void setRateLimits(RateLimits limits) {
        maxDispatchesPerSecond = limits.maxDispatchesPerSecond();
        maxBurstSize = limits.maxBurstSize();
        maxConcurrentDispatches = limits.maxConcurrentDispatches();
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(
                maxAttempts,
                Duration.ofMillis(maxRetryDurationMillis),
                Duration.ofMillis(minBackoffMillis),
                Duration.ofMillis(maxBackoffMillis),
                maxDoublings);
    }

    public void setRetryPolicy(RetryPolicy policy) {
        maxAttempts = policy.maxAttempts();
        maxRetryDurationMillis = policy.maxRetryDuration().toMillis();
        minBackoffMillis = policy.minBackoff().toMillis();
        maxBackoffMillis = policy.maxBackoff().toMillis();
        maxDoublings = policy.maxDoublings();
    }
}
