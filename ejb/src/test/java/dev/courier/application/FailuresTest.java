package dev.courier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.courier.domain.ApiException;
import dev.courier.domain.StatusCode;
import jakarta.ejb.EJBException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void recognisesALostDatabaseConnectionAnywhereInTheCauseChain() {
        assertTrue(Failures.isDatabaseOutage(new IllegalStateException(
                "tx failed", new RuntimeException(new SQLTransientConnectionException("no connection")))));
        assertTrue(Failures.isDatabaseOutage(
                new RuntimeException(new SQLException("wrapped", new ConnectException("refused")))));
    }

    @Test
    void recognisesAConnectionLostOrAServerShuttingDownByItsSqlState() {
        // What PostgreSQL's fast stop gives a statement on an open connection.
        assertTrue(Failures.isDatabaseOutage(new RuntimeException(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
        assertTrue(Failures.isDatabaseOutage(new SQLException("An I/O error occurred", "08006")));
        assertFalse(
                Failures.isDatabaseOutage(new SQLException("canceling statement due to statement timeout", "57014")));
        assertFalse(Failures.isDatabaseOutage(new SQLException("syntax error", "42601")));
    }

    @Test
    void recognisesAConnectionLostAtCommitAsASuppressedException() {
        // Narayana's "Could not commit transaction" carries the driver's exception as suppressed.
        IllegalStateException rolledBack = new IllegalStateException("Could not commit transaction");
        rolledBack.addSuppressed(
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertTrue(Failures.isDatabaseOutage(new RuntimeException(rolledBack)));
        assertEquals(
                StatusCode.UNAVAILABLE,
                Failures.toApiException(new RuntimeException(rolledBack)).code());
    }

    @Test
    void answersRefusalsAsThemselvesOutagesAsUnavailableAndBugsAsInternal() {
        ApiException refused = ApiException.invalidArgument("bad");
        assertSame(refused, Failures.toApiException(refused));
        assertSame(refused, Failures.toApiException(new EJBException(refused)));
        assertEquals(
                StatusCode.UNAVAILABLE,
                Failures.toApiException(new RuntimeException(new SQLTransientConnectionException("down")))
                        .code());
        ApiException bug = Failures.toApiException(new NullPointerException("boom"));
        assertEquals(StatusCode.INTERNAL, bug.code());
        assertTrue(bug.getMessage().startsWith("Internal error (incident "), bug.getMessage());
        assertFalse(bug.getMessage().contains("boom"), "no internals reach the client");
    }

    @Test
    void tellsANameClashFromAWriteThatLostItsDatabase() {
        // Hibernate wraps the driver's exception; only a unique-key violation is a clash.
        assertTrue(Failures.isUniqueViolation(new RuntimeException(
                "could not execute statement",
                new SQLException("duplicate key value violates unique constraint", "23505"))));
        assertFalse(Failures.isUniqueViolation(new RuntimeException(
                "could not execute statement",
                new SQLException("FATAL: terminating connection due to administrator command", "57P01"))));
        assertFalse(Failures.isUniqueViolation(new RuntimeException(new SQLTransientConnectionException("down"))));
        assertFalse(Failures.isUniqueViolation(new SQLException("null value in column", "23502")));
    }

    @Test
    void bugsAreNotOutages() {
        assertFalse(Failures.isDatabaseOutage(new NullPointerException()));
        assertFalse(Failures.isDatabaseOutage(new RuntimeException(new SQLException("syntax error"))));
    }
}
