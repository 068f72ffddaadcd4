package dev.courier.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.tasks.v2.Task;
import dev.courier.domain.ApiException;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    @Test
    void emptyOrMissingValuesMeanUnset() {
        assertEquals(0, QueryParams.pageSize(null));
        assertEquals(0, QueryParams.pageSize(""));
        assertEquals(Task.View.VIEW_UNSPECIFIED, QueryParams.view(""));
    }

    @Test
    void viewsAreReadByNameOrNumber() {
        assertEquals(Task.View.FULL, QueryParams.view("2"));
        assertEquals(Task.View.FULL, QueryParams.view("FULL"));
        assertEquals(Task.View.BASIC, QueryParams.view("1"));
    }

    @Test
    void refusesUnknownViewsAndNonNumericPageSizes() {
        assertThrows(ApiException.class, () -> QueryParams.view("7"));
        assertThrows(ApiException.class, () -> QueryParams.view("EVERYTHING"));
        assertThrows(ApiException.class, () -> QueryParams.pageSize("ten"));
    }
}
