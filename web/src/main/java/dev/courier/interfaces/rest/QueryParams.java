package dev.courier.interfaces.rest;

import com.google.cloud.tasks.v2.Task;
import dev.courier.domain.ApiException;

/**
 * Query parameters as Google's clients send them: the Java client sends every field, empty ones
 * without a value ({@code ?pageToken&pageSize=0}), and enums as numbers.
 */
final class QueryParams {

    private QueryParams() {}

    static int pageSize(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ApiException.invalidArgument("Invalid value for pageSize: \"" + value + "\".");
        }
    }

    /** A {@code responseView} given by name ({@code FULL}) or number ({@code 2}). */
    static Task.View view(String value) {
        if (value == null || value.isEmpty()) {
            return Task.View.VIEW_UNSPECIFIED;
        }
        try {
            Task.View view = value.chars().allMatch(Character::isDigit)
                    ? Task.View.forNumber(Integer.parseInt(value))
                    : Task.View.valueOf(value);
            if (view != null) {
                return view;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.invalidArgument("Invalid value for responseView: \"" + value + "\".");
    }
}
