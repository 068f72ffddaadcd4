package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RateLimitsTest {

    @Test
    void burstIsOneFifthOfTheRateRoundedUpBetweenOneAndOneHundred() {
        assertEquals(100, RateLimits.burstSizeFor(500));
        assertEquals(20, RateLimits.burstSizeFor(100));
        assertEquals(2, RateLimits.burstSizeFor(10));
        assertEquals(1, RateLimits.burstSizeFor(1));
        assertEquals(1, RateLimits.burstSizeFor(0.1));
        assertEquals(3, RateLimits.burstSizeFor(10.5));
    }

    @Test
    void defaultsMatchCloudTasks() {
        assertEquals(new RateLimits(500, 100, 1000), RateLimits.DEFAULT);
    }

    @Test
    void refusesRatesAboveFiveHundredOrNotPositive() {
        assertEquals(
                StatusCode.INVALID_ARGUMENT,
                assertThrows(ApiException.class, () -> RateLimits.of(500.5, 10)).code());
        assertThrows(ApiException.class, () -> RateLimits.of(-1, 10));
        assertThrows(ApiException.class, () -> RateLimits.of(Double.NaN, 10));
    }

    @Test
    void refusesConcurrencyAboveFiveThousand() {
        assertThrows(ApiException.class, () -> RateLimits.of(10, 5001));
        assertThrows(ApiException.class, () -> RateLimits.of(10, -1));
        assertEquals(5000, RateLimits.of(10, 5000).maxConcurrentDispatches());
    }
}
