package dev.courier.application;

import dev.courier.domain.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque paging tokens: the position after which the next page starts, base64url-encoded. */
final class PageToken {

    private PageToken() {
    }

    static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position in a token; an empty token is the start ({@code ""}). */
    static String decode(String token) {
        if (token == null || token.isEmpty()) {
            return "";
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument("Invalid page token.");
        }
    }

    /** The page size to use: an unset (0) size is the maximum; a negative one is refused. */
    static int size(int requested, int max) {
        if (requested < 0) {
            throw ApiException.invalidArgument("Page size must not be negative.");
        }
        return requested == 0 ? max : Math.min(requested, max);
    }
}
