package dev.courier.application.mapping;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RetryConfig;
import dev.courier.domain.RateLimits;
import dev.courier.domain.RetryPolicy;
import dev.courier.infrastructure.persistence.QueueEntity;
import java.time.Duration;

/**
 * Maps between the API's {@code Queue} and Courier's queue. As in Cloud Tasks, a zero or unset
 * limit in a request means "the default".
 */
public final class QueueMapper {

    private QueueMapper() {}

    public static RateLimits rateLimits(com.google.cloud.tasks.v2.RateLimits limits) {
        double rate = limits.getMaxDispatchesPerSecond() == 0
                ? RateLimits.DEFAULT.maxDispatchesPerSecond()
                : limits.getMaxDispatchesPerSecond();
        int concurrency = limits.getMaxConcurrentDispatches() == 0
                ? RateLimits.DEFAULT.maxConcurrentDispatches()
                : limits.getMaxConcurrentDispatches();
        return RateLimits.of(rate, concurrency);
    }

    public static RetryPolicy retryPolicy(RetryConfig config) {
        RetryPolicy defaults = RetryPolicy.DEFAULT;
        return new RetryPolicy(
                config.getMaxAttempts() == 0 ? defaults.maxAttempts() : config.getMaxAttempts(),
                config.hasMaxRetryDuration() ? ProtoTime.duration(config.getMaxRetryDuration()) : Duration.ZERO,
                config.hasMinBackoff() ? ProtoTime.duration(config.getMinBackoff()) : defaults.minBackoff(),
                config.hasMaxBackoff() ? ProtoTime.duration(config.getMaxBackoff()) : defaults.maxBackoff(),
                config.getMaxDoublings() == 0 ? defaults.maxDoublings() : config.getMaxDoublings());
    }

    public static Queue toProto(QueueEntity queue) {
        RateLimits limits = queue.rateLimits();
        RetryPolicy retry = queue.retryPolicy();
        RetryConfig.Builder retryConfig = RetryConfig.newBuilder()
                .setMaxAttempts(retry.maxAttempts())
                .setMinBackoff(ProtoTime.duration(retry.minBackoff()))
                .setMaxBackoff(ProtoTime.duration(retry.maxBackoff()))
                .setMaxDoublings(retry.maxDoublings());
        if (!retry.maxRetryDuration().isZero()) {
            retryConfig.setMaxRetryDuration(ProtoTime.duration(retry.maxRetryDuration()));
        }
        Queue.Builder proto = Queue.newBuilder()
                .setName(queue.name())
                .setRateLimits(com.google.cloud.tasks.v2.RateLimits.newBuilder()
                        .setMaxDispatchesPerSecond(limits.maxDispatchesPerSecond())
                        .setMaxBurstSize(limits.maxBurstSize())
                        .setMaxConcurrentDispatches(limits.maxConcurrentDispatches()))
                .setRetryConfig(retryConfig)
                .setState(Queue.State.valueOf(queue.state().name()));
        if (queue.purgeTime() != null) {
            proto.setPurgeTime(ProtoTime.timestamp(queue.purgeTime()));
        }
        proto.mergeFrom(QueueRouting.decode(queue.routing()));
        return proto.build();
    }
}
