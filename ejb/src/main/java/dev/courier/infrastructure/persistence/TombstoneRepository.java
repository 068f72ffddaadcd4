package dev.courier.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Name tombstones of tasks and queues. Callers bring the transaction. */
@ApplicationScoped
public class TombstoneRepository {

    @PersistenceContext(unitName = "courier")
    EntityManager em;

    @Inject
    EntityLookup lookup;

    public void buryTask(String queueName, String taskId, Instant expireTime) {
        buryTasks(List.of(new TaskTombstone(queueName, taskId, expireTime)));
    }

    /**
     * Buries many tasks in a few statements, for a batch of finished attempts: one deletes any
     * expired tombstone of the same names still left (a merge would read each name first), the
     * inserts go out in JDBC batches. Of two tombstones of one name, the last counts.
     */
    public void buryTasks(List<TaskTombstone> tombstones) {
        if (tombstones.isEmpty()) {
            return;
        }
        Map<String, TaskTombstone> byName = new LinkedHashMap<>();
        tombstones.forEach(tombstone -> byName.put(tombstone.name(), tombstone));
        em.createQuery("delete from TaskTombstone b where b.name in :names")
                .setParameter("names", byName.keySet())
                .executeUpdate();
        byName.values().forEach(em::persist);
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
                .filter(tombstone -> tombstone.expireTime().isAfter(now))
                .isPresent();
    }

    public void buryQueue(String name, Instant expireTime) {
        em.merge(new QueueTombstone(name, expireTime));
    }

    public boolean isQueueBuried(String name, Instant now) {
        return lookup.find(QueueTombstone.class, name)
                .filter(tombstone -> tombstone.expireTime().isAfter(now))
                .isPresent();
    }

    /** Deletes expired tombstones; returns how many. */
    public int removeExpired(Instant now) {
        int tasks = em.createQuery("delete from TaskTombstone b where b.expireTime <= :now")
                .setParameter("now", now)
                .executeUpdate();
        int queues = em.createQuery("delete from QueueTombstone b where b.expireTime <= :now")
                .setParameter("now", now)
                .executeUpdate();
        return tasks + queues;
    }
}
