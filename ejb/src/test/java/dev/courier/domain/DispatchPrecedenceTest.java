package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DispatchPrecedenceTest {

    private static final Instant DUE = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void aSlotAtOrBeforeTheDueTimeIsOnTime() {
        assertEquals(DispatchPrecedence.ON_TIME, DispatchPrecedence.of(DUE, DUE));
        assertEquals(DispatchPrecedence.ON_TIME, DispatchPrecedence.of(DUE, DUE.minusSeconds(3)));
    }

    @Test
    void aSlotWithinTheToleranceIsOnTime() {
        assertEquals(DispatchPrecedence.ON_TIME, DispatchPrecedence.of(DUE, DUE.plus(DispatchPrecedence.TOLERANCE)));
    }

    @Test
    void aSlotBeyondTheToleranceIsBehind() {
        assertEquals(
                DispatchPrecedence.BEHIND,
                DispatchPrecedence.of(
                        DUE, DUE.plus(DispatchPrecedence.TOLERANCE).plusMillis(1)));
        assertEquals(DispatchPrecedence.BEHIND, DispatchPrecedence.of(DUE, DUE.plusSeconds(600)));
    }

    @Test
    void theBrokerHandsOutForcedThenOnTimeThenBehind() {
        assertTrue(DispatchPrecedence.FORCED.brokerPriority() > DispatchPrecedence.ON_TIME.brokerPriority());
        assertTrue(DispatchPrecedence.ON_TIME.brokerPriority() > DispatchPrecedence.BEHIND.brokerPriority());
        for (DispatchPrecedence precedence : DispatchPrecedence.values()) {
            assertTrue(precedence.brokerPriority() >= 0 && precedence.brokerPriority() <= 9, "JMS priorities are 0-9");
        }
    }
}
