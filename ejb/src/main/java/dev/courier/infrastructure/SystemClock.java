package dev.courier.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The clock the application reads time from; tests of pure logic pass their own. It ticks in
 * microseconds, the precision of Cloud Tasks timestamps and of the database columns, so a time
 * answered right after a write is the time read back later.
 */
@ApplicationScoped
public class SystemClock {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
    }
}
