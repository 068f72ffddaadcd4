package dev.courier.application.dispatch;

import dev.courier.domain.RateLimits;
import dev.courier.infrastructure.persistence.QueueEntity;

/** What dispatch needs to know of a queue: whether it runs, and its limits. */
public record QueueSettings(String name, boolean running, RateLimits limits) {

    public static QueueSettings of(QueueEntity queue) {
        return new QueueSettings(queue.name(), queue.state() == QueueEntity.State.RUNNING, queue.rateLimits());
    }
}
