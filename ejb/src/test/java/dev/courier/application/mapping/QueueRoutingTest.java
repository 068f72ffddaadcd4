package dev.courier.application.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.tasks.v2.AppEngineRouting;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.StackdriverLoggingConfig;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.cloud.tasks.v2beta3.OidcToken;
import com.google.cloud.tasks.v2beta3.UriOverride;
import dev.courier.domain.ApiException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueRoutingTest {

    private static Queue withTarget(HttpTarget target) {
        return HttpTargets.with(Queue.getDefaultInstance(), Optional.of(target));
    }

    @Test
    void aQueueWithoutRoutingStoresNothing() {
        assertNull(QueueRouting.encode(Queue.newBuilder().setName("n").build()));
        assertEquals(Queue.getDefaultInstance(), QueueRouting.decode(null));
    }

    @Test
    void roundTripsTargetLoggingAndAppEngineRoutingWithoutTheOutputOnlyHost() {
        Queue queue = HttpTargets.with(
                Queue.newBuilder()
                        .setStackdriverLoggingConfig(
                                StackdriverLoggingConfig.newBuilder().setSamplingRatio(0.5))
                        .setAppEngineRoutingOverride(
                                AppEngineRouting.newBuilder().setService("s").setHost("output-only"))
                        .build(),
                Optional.of(HttpTarget.newBuilder()
                        .setUriOverride(UriOverride.newBuilder().setHost("h"))
                        .build()));

        Queue decoded = QueueRouting.decode(QueueRouting.encode(queue));

        assertEquals(0.5, decoded.getStackdriverLoggingConfig().getSamplingRatio());
        assertEquals("s", decoded.getAppEngineRoutingOverride().getService());
        assertEquals("", decoded.getAppEngineRoutingOverride().getHost());
        assertEquals("h", HttpTargets.of(decoded).orElseThrow().getUriOverride().getHost());
    }

    @Test
    void refusesInvalidTargetsAndRatios() {
        assertThrows(
                ApiException.class,
                () -> QueueRouting.encode(withTarget(HttpTarget.newBuilder()
                        .setUriOverride(UriOverride.newBuilder().setHost(""))
                        .build())));
        assertThrows(
                ApiException.class,
                () -> QueueRouting.encode(withTarget(HttpTarget.newBuilder()
                        .setUriOverride(UriOverride.newBuilder().setPort(-1))
                        .build())));
        assertThrows(
                ApiException.class,
                () -> QueueRouting.encode(withTarget(HttpTarget.newBuilder()
                        .setOidcToken(OidcToken.newBuilder().setServiceAccountEmail("sa@p.iam.gserviceaccount.com"))
                        .build())));
        assertThrows(
                ApiException.class,
                () -> QueueRouting.encode(Queue.newBuilder()
                        .setStackdriverLoggingConfig(
                                StackdriverLoggingConfig.newBuilder().setSamplingRatio(1.5))
                        .build()));
    }
}
