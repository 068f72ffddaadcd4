package dev.courier.application.mapping;

import dev.courier.domain.ApiException;
import dev.courier.infrastructure.persistence.QueueEntity;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ListQueues filter on the queue state: {@code state: PAUSED}, {@code state = RUNNING} or
 * {@code state != PAUSED}. Other filters are refused rather than silently ignored.
 */
public record QueueFilter(QueueEntity.State state, boolean negated) {

    private static final Pattern STATE = Pattern.compile("\\s*state\\s*(:|=|!=)\\s*\"?([A-Za-z_]+)\"?\\s*");

    /** The filter, or {@code null} for no filter. */
    public static QueueFilter parse(String filter) {
        if (filter == null || filter.isBlank()) {
            return null;
        }
        Matcher m = STATE.matcher(filter);
        if (!m.matches()) {
            throw ApiException.invalidArgument("Unsupported filter \"" + filter
                    + "\": Courier filters queues by state only, e.g. \"state: PAUSED\".");
        }
        try {
            return new QueueFilter(
                    QueueEntity.State.valueOf(m.group(2).toUpperCase(Locale.ROOT)),
                    m.group(1).equals("!="));
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidArgument("Unknown queue state \"" + m.group(2) + "\" in filter.");
        }
    }

    boolean matches(QueueEntity queue) {
        return (queue.state() == state) != negated;
    }
}
