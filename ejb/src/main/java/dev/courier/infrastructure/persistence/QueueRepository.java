package dev.courier.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Queues in the database. Callers bring the transaction. */
@ApplicationScoped
public class QueueRepository {

    @PersistenceContext(unitName = "courier")
    EntityManager em;

    @Inject
    EntityLookup lookup;

    public Optional<QueueEntity> find(String name) {
        return lookup.find(QueueEntity.class, name);
    }

    public void add(QueueEntity queue) {
        em.persist(queue);
    }

    public void remove(QueueEntity queue) {
        em.remove(queue);
    }

    /**
     * Queues of a location in name order, starting after {@code afterName} (exclusive, "" for the
     * start), optionally only those in (or, negated, not in) {@code state}.
     */
    public List<QueueEntity> page(
            String parent, String afterName, int limit, QueueEntity.State state, boolean negated) {
        String stateClause = state == null ? "" : negated ? " and q.state <> :state" : " and q.state = :state";
        var query = em.createQuery(
                        "select q from QueueEntity q where q.name like :prefix and q.name > :after" + stateClause
                                + " order by q.name",
                        QueueEntity.class)
                .setParameter("prefix", parent + "/queues/%")
                .setParameter("after", afterName)
                .setMaxResults(limit);
        if (state != null) {
            query.setParameter("state", state);
        }
        return query.getResultList();
    }

    /** The location IDs of a project that hold at least one queue. */
    public List<String> locationsOf(String project) {
        return em.createQuery("select q.name from QueueEntity q where q.name like :prefix", String.class)
                .setParameter("prefix", "projects/" + project + "/locations/%")
                .getResultStream()
                .map(name -> name.split("/")[3])
                .distinct()
                .toList();
    }

    /** Locks a queue row for the rest of the transaction (serializes creates of the same name). */
    public Optional<QueueEntity> lock(String name) {
        return lookup.find(QueueEntity.class, name, LockModeType.PESSIMISTIC_WRITE);
    }
}
