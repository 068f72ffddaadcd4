package dev.courier.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Name tombstones of tasks and queues. Callers bring the transaction. */
@ApplicationScoped
public class TombstoneRepository {

    @PersistenceContext(unitName = "courier")
    EntityManager em;
    @Inject
    EntityLookup lookup;

    public void buryTask(String queueName, String taskId, Instant expireTime) {
        em.merge(new TaskTombstone(queueName, taskId, expireTime));
    }

    /** Buries every task of a queue created before {@code createdBefore}, in one statement. */
    public void buryTasksCreatedBefore(String queueName, Instant createdBefore, Instant expireTime) {
        em.createQuery("delete from TaskTombstone b where b.queueName = :queue and b.name in "
                        + "(select concat(t.queueName, '/tasks/', t.taskId) from TaskEntity t "
                        + "where t.queueName = :queue and t.createTime < :before)")
                .setParameter("queue", queueName)
                .setParameter("before", createdBefore)
                .executeUpdate();
        em.createQuery("insert into TaskTombstone (name, queueName, expireTime) "
                        + "select concat(t.queueName, '/tasks/', t.taskId), t.queueName, :expire "
                        + "from TaskEntity t where t.queueName = :queue and t.createTime < :before")
                .setParameter("expire", expireTime)
                .setParameter("queue", queueName)
                .setParameter("before", createdBefore)
                .executeUpdate();
    }

    public boolean isTaskBuried(String queueName, String taskId, Instant now) {
        return lookup.find(TaskTombstone.class, queueName + "/tasks/" + taskId)
                .filter(tombstone -> tombstone.expireTime().isAfter(now)).isPresent();
    }

    public void buryQueue(String name, Instant expireTime) {
        em.merge(new QueueTombstone(name, expireTime));
    }

    public boolean isQueueBuried(String name, Instant now) {
        return lookup.find(QueueTombstone.class, name)
                .filter(tombstone -> tombstone.expireTime().isAfter(now)).isPresent();
    }

    /** Deletes expired tombstones; returns how many. */
    public int removeExpired(Instant now) {
        int tasks = em.createQuery("delete from TaskTombstone b where b.expireTime <= :now")
                .setParameter("now", now).executeUpdate();
        int queues = em.createQuery("delete from QueueTombstone b where b.expireTime <= :now")
                .setParameter("now", now).executeUpdate();
        return tasks + queues;
    }
}
