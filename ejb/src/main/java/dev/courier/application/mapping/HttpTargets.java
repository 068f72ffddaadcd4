package dev.courier.application.mapping;

import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import dev.courier.domain.ApiException;
import java.util.List;
import java.util.Optional;

/**
 * A queue's {@code httpTarget}. The v2 message classes Courier uses do not have this field yet,
 * so it travels inside the v2 {@code Queue} as field 13, its number in v2beta3, whose
 * {@code HttpTarget} message has the shape the v2 REST API documents.
 */
public final class HttpTargets {

    public static final int FIELD_NUMBER = 13;

    private HttpTargets() {}

    public static Optional<HttpTarget> of(Queue queue) {
        List<com.google.protobuf.ByteString> values =
                queue.getUnknownFields().getField(FIELD_NUMBER).getLengthDelimitedList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HttpTarget.parseFrom(values.get(values.size() - 1)));
        } catch (InvalidProtocolBufferException e) {
            throw ApiException.invalidArgument("Queue.httpTarget is not a valid HttpTarget.");
        }
    }

    /** The queue with {@code target} as its httpTarget, or without one when {@code target} is empty. */
    public static Queue with(Queue queue, Optional<HttpTarget> target) {
        UnknownFieldSet.Builder fields =
                UnknownFieldSet.newBuilder(queue.getUnknownFields()).clearField(FIELD_NUMBER);
        target.ifPresent(t -> fields.addField(
                FIELD_NUMBER,
                UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(t.toByteString())
                        .build()));
        return queue.toBuilder().setUnknownFields(fields.build()).build();
    }
}
