package dev.courier.application.mapping;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.protobuf.FieldMask;
import com.google.protobuf.util.FieldMaskUtil;
import dev.courier.domain.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * UpdateQueue's merge: the fields named by the update mask (all mutable fields when it is empty)
 * are taken from the request, a named field absent from the request is reset, and output-only
 * fields are ignored.
 */
public final class QueueUpdate {

    private static final List<String> MUTABLE =
            List.of("app_engine_routing_override", "rate_limits", "retry_config", "stackdriver_logging_config");
    private static final Set<String> OUTPUT_ONLY =
            Set.of("name", "state", "purge_time", "rate_limits.max_burst_size", "app_engine_routing_override.host");
    private static final String HTTP_TARGET = "http_target";
    private static final FieldMaskUtil.MergeOptions REPLACE = new FieldMaskUtil.MergeOptions()
            .setReplaceMessageFields(true)
            .setReplaceRepeatedFields(true)
            .setReplacePrimitiveFields(true);

    private QueueUpdate() {}

    /** {@code current} with the masked fields of {@code request}; paths are snake_case. */
    public static Queue merge(Queue current, Queue request, FieldMask mask) {
        boolean everything = mask.getPathsCount() == 0;
        FieldMask.Builder queuePaths = FieldMask.newBuilder();
        FieldMask.Builder targetPaths = FieldMask.newBuilder();
        boolean wholeTarget = everything;
        for (String path : everything ? MUTABLE : mask.getPathsList()) {
            if (path.equals(HTTP_TARGET)) {
                wholeTarget = true;
            } else if (path.startsWith(HTTP_TARGET + ".")) {
                targetPaths.addPaths(path.substring(HTTP_TARGET.length() + 1));
            } else if (!OUTPUT_ONLY.contains(path)) {
                queuePaths.addPaths(path);
            }
        }
        if (!FieldMaskUtil.isValid(Queue.class, queuePaths.build())
                || !FieldMaskUtil.isValid(HttpTarget.class, targetPaths.build())) {
            throw ApiException.invalidArgument("Invalid update mask: " + String.join(",", mask.getPathsList()) + ".");
        }
        Queue.Builder merged = current.toBuilder();
        FieldMaskUtil.merge(queuePaths.build(), request, merged, REPLACE);
        Optional<HttpTarget> target = HttpTargets.of(current);
        if (wholeTarget) {
            target = HttpTargets.of(request);
        } else if (targetPaths.getPathsCount() > 0) {
            HttpTarget.Builder partial = target.orElse(HttpTarget.getDefaultInstance()).toBuilder();
            FieldMaskUtil.merge(
                    targetPaths.build(),
                    HttpTargets.of(request).orElse(HttpTarget.getDefaultInstance()),
                    partial,
                    REPLACE);
            target = Optional.of(partial.build());
        }
        return HttpTargets.with(merged.build(), target);
    }
}
