package dev.courier.application;

import static dev.courier.logging.CourierLogger.LOG;

import dev.courier.domain.ApiException;
import dev.courier.domain.StatusCode;
import jakarta.ejb.EJBException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What every API transport tells a client about a failed call: a refused request as itself; the
 * database unreachable as UNAVAILABLE, which clients retry; anything else as INTERNAL with an
 * incident id that the log also carries, never a stack trace.
 */
public final class Failures {

    /** Exceptions, by class name, that mean "no database connection" in WildFly's stack. */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "jakarta.resource.ResourceException",
            "jakarta.resource.spi.ResourceAllocationException",
            "java.net.ConnectException");

    /**
     * SQLStates of a lost connection that drivers report as a plain SQLException: class 08
     * (connection exception) and the server going down under an open connection (57P01 admin
     * shutdown, 57P02 crash shutdown, 57P03 cannot connect now; PostgreSQL's fast stop sends 57P01).
     */
    private static final Set<String> SERVER_GONE_STATES = Set.of("57P01", "57P02", "57P03");

    private static final String UNIQUE_VIOLATION = "23505";

    private Failures() {}

    /** The error to answer with for {@code failure}; logs the ones that are not the client's doing. */
    public static ApiException toApiException(Throwable failure) {
        if (failure instanceof ApiException refused) {
            return refused;
        }
        if (failure instanceof EJBException && failure.getCause() instanceof ApiException refused) {
            return refused;
        }
        if (isDatabaseOutage(failure)) {
            LOG.databaseUnavailable(failure.toString());
            return new ApiException(StatusCode.UNAVAILABLE, "The service is temporarily unavailable; retry later.");
        }
        String incident = UUID.randomUUID().toString();
        LOG.unexpectedError(incident, failure);
        return new ApiException(StatusCode.INTERNAL, "Internal error (incident " + incident + ").");
    }

    static boolean isDatabaseOutage(Throwable failure) {
        return anyCause(failure, Failures::meansConnectionLost);
    }

    /**
     * Whether a write failed on a unique key (SQLState 23505 on H2 and PostgreSQL alike): a name
     * clash, as opposed to the database going away under the write.
     */
    static boolean isUniqueViolation(Throwable failure) {
        return anyCause(
                failure, cause -> cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState()));
    }

    /**
     * Looks through causes and suppressed exceptions: a commit that failed because the connection
     * died carries the driver's exception as a suppressed one (Narayana's RollbackException).
     */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        return anyCause(failure, test, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean anyCause(Throwable failure, Predicate<Throwable> test, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (test.test(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (anyCause(suppressed, test, seen)) {
                return true;
            }
        }
        return anyCause(failure.getCause(), test, seen);
    }

    private static boolean meansConnectionLost(Throwable failure) {
        return failure instanceof SQLTransientConnectionException
                || failure instanceof SQLNonTransientConnectionException
                || failure instanceof SQLRecoverableException
                || failure instanceof SQLException sql && isConnectionLost(sql.getSQLState())
                || CONNECTION_FAILURES.contains(failure.getClass().getName());
    }

    private static boolean isConnectionLost(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || SERVER_GONE_STATES.contains(sqlState));
    }
}
