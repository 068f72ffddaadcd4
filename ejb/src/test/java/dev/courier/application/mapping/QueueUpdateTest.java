package dev.courier.application.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.RateLimits;
import com.google.cloud.tasks.v2.RetryConfig;
import com.google.cloud.tasks.v2.StackdriverLoggingConfig;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.cloud.tasks.v2beta3.UriOverride;
import com.google.protobuf.FieldMask;
import dev.courier.domain.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueUpdateTest {

    private static final Queue CURRENT = HttpTargets.with(
            Queue.newBuilder()
                    .setName("projects/p/locations/l/queues/q")
                    .setState(Queue.State.PAUSED)
                    .setRateLimits(RateLimits.newBuilder()
                            .setMaxDispatchesPerSecond(10)
                            .setMaxBurstSize(2)
                            .setMaxConcurrentDispatches(5))
                    .setRetryConfig(RetryConfig.newBuilder().setMaxAttempts(3).setMaxDoublings(4))
                    .setStackdriverLoggingConfig(
                            StackdriverLoggingConfig.newBuilder().setSamplingRatio(0.5))
                    .build(),
            Optional.of(HttpTarget.newBuilder()
                    .setUriOverride(UriOverride.newBuilder().setHost("a"))
                    .build()));

    private static FieldMask mask(String... paths) {
        return FieldMask.newBuilder().addAllPaths(java.util.List.of(paths)).build();
    }

    @Test
    void changesOnlyTheMaskedLeaf() {
        Queue request = Queue.newBuilder()
                .setRateLimits(
                        RateLimits.newBuilder().setMaxDispatchesPerSecond(99).setMaxConcurrentDispatches(77))
                .setRetryConfig(RetryConfig.newBuilder().setMaxAttempts(50))
                .build();

        Queue merged = QueueUpdate.merge(CURRENT, request, mask("rate_limits.max_dispatches_per_second"));

        assertEquals(99, merged.getRateLimits().getMaxDispatchesPerSecond());
        assertEquals(5, merged.getRateLimits().getMaxConcurrentDispatches());
        assertEquals(3, merged.getRetryConfig().getMaxAttempts());
        assertEquals(
                Optional.of("a"),
                HttpTargets.of(merged).map(t -> t.getUriOverride().getHost()));
    }

    @Test
    void aMaskedFieldMissingFromTheRequestIsReset() {
        Queue merged = QueueUpdate.merge(CURRENT, Queue.getDefaultInstance(), mask("retry_config.max_attempts"));

        assertEquals(0, merged.getRetryConfig().getMaxAttempts(), "0 means the default when mapped");
        assertEquals(4, merged.getRetryConfig().getMaxDoublings());
    }

    @Test
    void anEmptyMaskReplacesEveryMutableField() {
        Queue request = Queue.newBuilder()
                .setRetryConfig(RetryConfig.newBuilder().setMaxAttempts(8))
                .build();

        Queue merged = QueueUpdate.merge(CURRENT, request, FieldMask.getDefaultInstance());

        assertEquals(8, merged.getRetryConfig().getMaxAttempts());
        assertEquals(0, merged.getRateLimits().getMaxDispatchesPerSecond());
        assertFalse(merged.hasStackdriverLoggingConfig());
        assertTrue(HttpTargets.of(merged).isEmpty());
        assertEquals(CURRENT.getName(), merged.getName());
    }

    @Test
    void ignoresOutputOnlyFields() {
        Queue request = Queue.newBuilder()
                .setName("projects/p/locations/l/queues/other")
                .setState(Queue.State.RUNNING)
                .build();

        Queue merged = QueueUpdate.merge(CURRENT, request, mask("state", "name", "rate_limits.max_burst_size"));

        assertEquals(Queue.State.PAUSED, merged.getState());
        assertEquals(CURRENT.getName(), merged.getName());
        assertEquals(2, merged.getRateLimits().getMaxBurstSize());
    }

    @Test
    void replacesOrClearsTheHttpTarget() {
        Queue request = HttpTargets.with(
                Queue.getDefaultInstance(),
                Optional.of(HttpTarget.newBuilder()
                        .setUriOverride(UriOverride.newBuilder().setHost("b").setPort(81))
                        .build()));

        assertEquals(
                81,
                HttpTargets.of(QueueUpdate.merge(CURRENT, request, mask("http_target.uri_override.port")))
                        .orElseThrow()
                        .getUriOverride()
                        .getPort());
        assertEquals(
                "a",
                HttpTargets.of(QueueUpdate.merge(CURRENT, request, mask("http_target.uri_override.port")))
                        .orElseThrow()
                        .getUriOverride()
                        .getHost());
        assertEquals(
                "b",
                HttpTargets.of(QueueUpdate.merge(CURRENT, request, mask("http_target")))
                        .orElseThrow()
                        .getUriOverride()
                        .getHost());
        assertTrue(HttpTargets.of(QueueUpdate.merge(CURRENT, Queue.getDefaultInstance(), mask("http_target")))
                .isEmpty());
    }

    @Test
    void refusesUnknownPaths() {
        assertThrows(ApiException.class, () -> QueueUpdate.merge(CURRENT, Queue.getDefaultInstance(), mask("colour")));
        assertThrows(
                ApiException.class,
                () -> QueueUpdate.merge(CURRENT, Queue.getDefaultInstance(), mask("http_target.colour")));
    }
}
