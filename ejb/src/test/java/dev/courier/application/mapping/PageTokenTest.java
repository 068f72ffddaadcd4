package dev.courier.application.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.courier.domain.ApiException;
import org.junit.jupiter.api.Test;

class PageTokenTest {

    @Test
    void tokensRoundTripTheirPosition() {
        assertEquals(
                "projects/p/locations/l/queues/q",
                PageToken.decode(PageToken.encode("projects/p/locations/l/queues/q")));
        assertEquals("", PageToken.decode(""));
        assertEquals("", PageToken.decode(null));
    }

    @Test
    void refusesGarbageTokens() {
        assertThrows(ApiException.class, () -> PageToken.decode("%%%"));
    }

    @Test
    void unsetPageSizeIsTheMaximumAndLargerSizesAreCapped() {
        assertEquals(1000, PageToken.size(0, 1000));
        assertEquals(5, PageToken.size(5, 1000));
        assertEquals(1000, PageToken.size(5000, 1000));
        assertThrows(ApiException.class, () -> PageToken.size(-1, 1000));
    }
}
