package dev.courier.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Which ready dispatch messages the broker hands out first, for when the node cannot dispatch
 * every due task at once. A queue's calendar gives each task a slot; a task whose slot lies well
 * after its due time belongs to a backlog its queue is working through at its rate. Such tasks
 * yield to tasks due about now, so a queue with a big backlog cannot delay another queue's due
 * task by more than the few messages within the tolerance. Among themselves backlogs keep their
 * slot order. RunTask goes first of all.
 */
public enum DispatchPrecedence {
    BEHIND(2),
    ON_TIME(4),
    FORCED(7);

    /** How far after its due time a slot may lie and still count as on time. */
    public static final Duration TOLERANCE = Duration.ofMillis(100);

    private final int brokerPriority;

    DispatchPrecedence(int brokerPriority) {
        this.brokerPriority = brokerPriority;
    }

    /** The precedence of a task due at {@code due} sent for the slot at {@code slot}. */
    public static DispatchPrecedence of(Instant due, Instant slot) {
        return slot.isAfter(due.plus(TOLERANCE)) ? BEHIND : ON_TIME;
    }

    /** The JMS priority (0-9, higher first) that carries it. */
    public int brokerPriority() {
        return brokerPriority;
    }
}
