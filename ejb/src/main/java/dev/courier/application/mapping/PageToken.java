package dev.courier.application.mapping;

import dev.courier.domain.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque paging tokens: the position after which the next page starts, base64url-encoded. */
public final class PageToken {

    private PageToken() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token; an empty token is the start ({@code ""}). */
    public static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument("Invalid page token.");
        }
    }

    /**
     * A token that also records the filter it was issued for: paging on with another filter is
     * refused, as Cloud Tasks does.
     */
    public static String encodeFor(String filter, String position) {
        return encode((filter == null ? "" : filter) + "\n" + position);
    }

    public static String decodeFor(String filter, String token) {
        String decoded = decode(token);
        if (decoded.isEmpty()) {
            return "";
        }
        int newline = decoded.indexOf('\n');
        if (newline < 0 || !decoded.substring(0, newline).equals(filter == null ? "" : filter)) {
            throw ApiException.invalidArgument("The page token was issued for a different filter.");
        }
        return decoded.substring(newline + 1);
    }

    /** The page size to use: an unset (0) size is the maximum; a negative one is refused. */
    public static int size(int requested, int max) {
        if (requested < 0) {
            throw ApiException.invalidArgument("Page size must not be negative.");
        }
        return requested == 0 ? max : Math.min(requested, max);
    }
}
