package dev.courier.infrastructure.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * {@link EntityManager#find} with a "not found" that can be trusted. Hibernate's find answers
 * null instead of throwing when the JDBC call fails in a JTA transaction already marked
 * rollback-only (HHH-12472), and WildFly marks it so when a pooled connection that the database
 * dropped cannot be enlisted: the first moments of a database outage. Read as "absent", that null
 * made CreateTask answer NOT_FOUND and made dispatch drop a live task's message as stale, so the
 * task was never run. Here it is what it is: the database is unavailable.
 */
@ApplicationScoped
public class EntityLookup {

    @PersistenceContext(unitName = "courier")
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public <T> Optional<T> find(Class<T> type, Object id) {
        return find(type, id, LockModeType.NONE);
    }

    public <T> Optional<T> find(Class<T> type, Object id, LockModeType lock) {
        T found = em.find(type, id, lock);
        if (found == null && transactions.getTransactionKey() != null && transactions.getRollbackOnly()) {
            throw new PersistenceException(
                    "Could not look up " + type.getSimpleName() + " " + id,
                    new SQLTransientConnectionException("A failed database call marked the transaction rollback-only"));
        }
        return Optional.ofNullable(found);
    }
}
