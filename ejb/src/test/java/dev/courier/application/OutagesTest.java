package dev.courier.application;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void recognisesALostDatabaseConnectionAnywhereInTheCauseChain() {
        assertTrue(Outages.isDatabaseOutage(new IllegalStateException("tx failed",
                new RuntimeException(new SQLTransientConnectionException("no connection")))));
        assertTrue(Outages.isDatabaseOutage(new RuntimeException(new SQLException("wrapped", new ConnectException("refused")))));
    }

    @Test
    void bugsAreNotOutages() {
        assertFalse(Outages.isDatabaseOutage(new NullPointerException()));
        assertFalse(Outages.isDatabaseOutage(new RuntimeException(new SQLException("syntax error"))));
    }
}
