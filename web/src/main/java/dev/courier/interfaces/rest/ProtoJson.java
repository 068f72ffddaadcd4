package dev.courier.interfaces.rest;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import dev.courier.domain.ApiException;

/**
 * Proto3 JSON as Google's REST frontend speaks it: camelCase out; camelCase or snake_case in;
 * enums by name or number; standard or URL-safe base64; unknown fields refused.
 */
final class ProtoJson {

    private static final JsonFormat.Parser PARSER = JsonFormat.parser();
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private ProtoJson() {}

    /** Parses a request body into a builder; an empty body is the empty message. */
    static <B extends Message.Builder> B parse(String json, B builder) {
        if (json == null || json.isBlank()) {
            return builder;
        }
        try {
            PARSER.merge(json, builder);
            return builder;
        } catch (InvalidProtocolBufferException | RuntimeException e) {
            throw ApiException.invalidArgument("Invalid JSON payload received. " + describe(e));
        }
    }

    /** The parser's own words, without the Java exception class names some of them carry. */
    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "Unreadable JSON." : e.getMessage();
        int javaPrefix = message.lastIndexOf("Exception: ");
        return javaPrefix >= 0 ? message.substring(javaPrefix + "Exception: ".length()) : message;
    }

    static String print(MessageOrBuilder message) {
        try {
            return PRINTER.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Cannot print " + message.getClass().getSimpleName(), e);
        }
    }
}
