package dev.courier.application.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.courier.domain.ApiException;
import dev.courier.infrastructure.persistence.QueueEntity;
import org.junit.jupiter.api.Test;

class QueueFilterTest {

    @Test
    void readsTheStateFiltersCloudTasksUsersWrite() {
        assertEquals(new QueueFilter(QueueEntity.State.PAUSED, false), QueueFilter.parse("state: PAUSED"));
        assertEquals(new QueueFilter(QueueEntity.State.RUNNING, false), QueueFilter.parse("state = RUNNING"));
        assertEquals(new QueueFilter(QueueEntity.State.PAUSED, true), QueueFilter.parse("state!=\"PAUSED\""));
        assertNull(QueueFilter.parse(""));
        assertNull(QueueFilter.parse(null));
    }

    @Test
    void refusesOtherFilters() {
        assertThrows(ApiException.class, () -> QueueFilter.parse("name = x"));
        assertThrows(ApiException.class, () -> QueueFilter.parse("state: SLEEPING"));
    }
}
