package dev.courier.infrastructure;

import dev.courier.infrastructure.persistence.TombstoneRepository;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Clock;
import org.jboss.logging.Logger;

/**
 * Deletes expired name tombstones every ten minutes. Expiry is also checked on every lookup, so
 * this only keeps the tables small.
 */
@Singleton
public class TombstoneTimer {

    private static final Logger LOG = Logger.getLogger(TombstoneTimer.class);

    @Inject
    TombstoneRepository tombstones;
    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "*/10", persistent = false)
    void removeExpired() {
        int removed = tombstones.removeExpired(clock.instant());
        if (removed > 0) {
            LOG.debugf("Removed %d expired name tombstones", removed);
        }
    }
}
