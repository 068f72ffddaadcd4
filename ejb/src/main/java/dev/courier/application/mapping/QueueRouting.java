package dev.courier.application.mapping;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.cloud.tasks.v2beta3.UriOverride;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.courier.domain.ApiException;
import java.util.Optional;

/**
 * The queue settings Courier stores as given: {@code httpTarget}, {@code appEngineRoutingOverride}
 * and {@code stackdriverLoggingConfig}, checked here and kept as one protobuf-encoded Queue.
 */
public final class QueueRouting {

    private QueueRouting() {}

    /** The routing part of a queue, validated, or {@code null} when it has none. */
    public static byte[] encode(Queue queue) {
        Queue.Builder routing = Queue.newBuilder();
        if (queue.hasAppEngineRoutingOverride()) {
            routing.setAppEngineRoutingOverride(
                    queue.getAppEngineRoutingOverride().toBuilder().clearHost());
        }
        if (queue.hasStackdriverLoggingConfig()) {
            double ratio = queue.getStackdriverLoggingConfig().getSamplingRatio();
            if (!(ratio >= 0 && ratio <= 1)) {
                throw ApiException.invalidArgument(
                        "StackdriverLoggingConfig.samplingRatio must be between 0.0 and 1.0.");
            }
            routing.setStackdriverLoggingConfig(queue.getStackdriverLoggingConfig());
        }
        Optional<HttpTarget> target = HttpTargets.of(queue);
        target.ifPresent(QueueRouting::validate);
        Queue encoded = HttpTargets.with(routing.build(), target);
        return encoded.equals(Queue.getDefaultInstance()) ? null : encoded.toByteArray();
    }

    public static Queue decode(byte[] routing) {
        if (routing == null) {
            return Queue.getDefaultInstance();
        }
        try {
            return Queue.parseFrom(routing);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Stored queue routing is unreadable", e);
        }
    }

    private static void validate(HttpTarget target) {
        if (target.hasUriOverride()) {
            UriOverride uri = target.getUriOverride();
            if (uri.hasHost() && uri.getHost().isEmpty()) {
                throw ApiException.invalidArgument("HttpTarget.uriOverride.host must not be empty.");
            }
            if (uri.hasPort() && uri.getPort() < 0) {
                throw ApiException.invalidArgument("HttpTarget.uriOverride.port must be positive (0 clears the port).");
            }
        }
        target.getHeaderOverridesList().forEach(override -> {
            if (override.getHeader().getKey().isEmpty()) {
                throw ApiException.invalidArgument("HttpTarget.headerOverrides[].header.key must not be empty.");
            }
        });
        if (target.hasOauthToken()
                && (target.getOauthToken().getServiceAccountEmail().isEmpty()
                        || target.getOauthToken().getScope().isEmpty())) {
            throw ApiException.invalidArgument("HttpTarget.oauthToken needs both serviceAccountEmail and scope.");
        }
        if (target.hasOidcToken()
                && (target.getOidcToken().getServiceAccountEmail().isEmpty()
                        || target.getOidcToken().getAudience().isEmpty())) {
            throw ApiException.invalidArgument("HttpTarget.oidcToken needs both serviceAccountEmail and audience.");
        }
    }
}
