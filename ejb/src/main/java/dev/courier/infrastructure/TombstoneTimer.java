package dev.courier.infrastructure;

import static dev.courier.logging.CourierLogger.LOG;

import dev.courier.infrastructure.persistence.TombstoneRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * Deletes expired name tombstones every ten minutes. Expiry is also checked on every lookup, so
 * this only keeps the tables small.
 */
@Singleton
public class TombstoneTimer {

    @Inject
    TombstoneRepository tombstones;

    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void removeExpired() {
        int removed = tombstones.removeExpired(clock.instant());
        if (removed > 0) {
            LOG.tombstonesRemoved(removed);
        }
    }
}
