package dev.courier.application;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a failure of the infrastructure (the database unreachable) from a bug, so that the API
 * answers UNAVAILABLE, which clients retry, rather than INTERNAL.
 */
public final class Outages {

    /** Exceptions, by class name, that mean "no database connection" in WildFly's stack. */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "jakarta.resource.ResourceException",
            "jakarta.resource.spi.ResourceAllocationException",
            "java.net.ConnectException");

    private Outages() {
    }

    public static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException
                    || CONNECTION_FAILURES.contains(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }
}
