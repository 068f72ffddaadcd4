package dev.courier.application.dispatch;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queue settings for dispatch, read from the database at most once a second per queue, so that
 * an UpdateQueue, pause or resume made on any node applies within a second without a query per
 * dispatch. Changes made through this node apply at once.
 */
@ApplicationScoped
public class QueueSettingsCache {

    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private record Entry(Optional<QueueSettings> settings, Instant loadedAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    QueueSettingsReader reader;

    @Inject
    Clock clock;

    public Optional<QueueSettings> get(String queueName) {
        Entry entry = entries.get(queueName);
        if (entry == null || entry.loadedAt().plus(MAX_AGE).isBefore(clock.instant())) {
            return reload(queueName);
        }
        return entry.settings();
    }

    /** Reads the queue's settings from the database now, and caches them. */
    public Optional<QueueSettings> reload(String queueName) {
        Entry entry = new Entry(reader.read(queueName), clock.instant());
        entries.put(queueName, entry);
        return entry.settings();
    }

    public void forget(String queueName) {
        entries.remove(queueName);
    }
}
