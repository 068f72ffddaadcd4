package dev.courier.application.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RateLimits;
import com.google.cloud.tasks.v2.RetryConfig;
import dev.courier.domain.RetryPolicy;
import dev.courier.infrastructure.persistence.QueueEntity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueueMapperTest {

    @Test
    void aQueueWithOnlyANameGetsExactlyTheDocumentedDefaults() {
        QueueEntity entity = new QueueEntity(
                "projects/p/locations/l/queues/q",
                QueueMapper.rateLimits(RateLimits.getDefaultInstance()),
                QueueMapper.retryPolicy(RetryConfig.getDefaultInstance()),
                Instant.EPOCH);

        Queue queue = QueueMapper.toProto(entity);

        assertEquals(500, queue.getRateLimits().getMaxDispatchesPerSecond());
        assertEquals(100, queue.getRateLimits().getMaxBurstSize());
        assertEquals(1000, queue.getRateLimits().getMaxConcurrentDispatches());
        assertEquals(100, queue.getRetryConfig().getMaxAttempts());
        assertEquals(
                Duration.ofMillis(100),
                ProtoTime.duration(queue.getRetryConfig().getMinBackoff()));
        assertEquals(
                Duration.ofHours(1), ProtoTime.duration(queue.getRetryConfig().getMaxBackoff()));
        assertEquals(16, queue.getRetryConfig().getMaxDoublings());
        assertFalse(queue.getRetryConfig().hasMaxRetryDuration(), "zero maxRetryDuration is omitted");
        assertFalse(queue.hasPurgeTime());
        assertEquals(Queue.State.RUNNING, queue.getState());
    }

    @Test
    void givenValuesOverrideTheDefaults() {
        RetryPolicy policy = QueueMapper.retryPolicy(RetryConfig.newBuilder()
                .setMaxAttempts(-1)
                .setMinBackoff(ProtoTime.duration(Duration.ofSeconds(1)))
                .setMaxBackoff(ProtoTime.duration(Duration.ofSeconds(8)))
                .setMaxDoublings(2)
                .setMaxRetryDuration(ProtoTime.duration(Duration.ofMinutes(5)))
                .build());

        assertEquals(
                new RetryPolicy(-1, Duration.ofMinutes(5), Duration.ofSeconds(1), Duration.ofSeconds(8), 2), policy);
        assertEquals(
                2,
                QueueMapper.rateLimits(RateLimits.newBuilder()
                                .setMaxDispatchesPerSecond(10)
                                .build())
                        .maxBurstSize());
    }
}
