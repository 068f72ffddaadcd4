package dev.courier.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Tasks in the database. Callers bring the transaction. */
@ApplicationScoped
public class TaskRepository {

    @PersistenceContext(unitName = "courier")
    EntityManager em;

    public Optional<TaskEntity> find(long id) {
        return Optional.ofNullable(em.find(TaskEntity.class, id));
    }

    /**
     * Finds and row-locks a task for the rest of the transaction. Every change of a task's
     * generation goes through a lock, so two transactions (an attempt ending, RunTask, a waiting
     * task's release) never both move it on and send two live messages.
     */
    public Optional<TaskEntity> findLocked(long id) {
        return Optional.ofNullable(em.find(TaskEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /** Row-locks a task loaded earlier and reloads its state, which another transaction may have changed. */
    public void lock(TaskEntity task) {
        em.refresh(task, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<TaskEntity> find(String queueName, String taskId) {
        return em.createQuery("select t from TaskEntity t where t.queueName = :queue and t.taskId = :taskId",
                        TaskEntity.class)
                .setParameter("queue", queueName)
                .setParameter("taskId", taskId)
                .getResultStream()
                .findFirst();
    }

    public void add(TaskEntity task) {
        em.persist(task);
        em.flush(); // surfaces a duplicate name now, as ALREADY_EXISTS, rather than at commit
    }

    public void remove(TaskEntity task) {
        em.remove(task);
    }

    /** Tasks of a queue in creation order, starting after row {@code afterId} (exclusive). */
    public List<TaskEntity> page(String queueName, long afterId, int limit) {
        return em.createQuery("select t from TaskEntity t where t.queueName = :queue and t.id > :after order by t.id",
                        TaskEntity.class)
                .setParameter("queue", queueName)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Tasks of a queue with no attempt in flight, in row order, starting after row {@code afterId}. */
    public List<TaskEntity> idlePage(String queueName, long afterId, int limit) {
        return em.createQuery("select t from TaskEntity t where t.queueName = :queue and t.id > :after "
                        + "and t.leaseExpireTime is null order by t.id", TaskEntity.class)
                .setParameter("queue", queueName)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Up to {@code limit} tasks of the queue waiting for a concurrency slot, earliest due first. */
    public List<TaskEntity> waiting(String queueName, int limit) {
        return em.createQuery("select t from TaskEntity t where t.waitingForSlot = true and t.queueName = :queue "
                        + "order by t.scheduleTime", TaskEntity.class)
                .setParameter("queue", queueName)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The queues that have tasks waiting for a concurrency slot. */
    public List<String> queuesWithWaitingTasks() {
        return em.createQuery("select distinct t.queueName from TaskEntity t where t.waitingForSlot = true", String.class)
                .getResultList();
    }

    public int removeCreatedBefore(String queueName, java.time.Instant before) {
        return em.createQuery("delete from TaskEntity t where t.queueName = :queue and t.createTime < :before")
                .setParameter("queue", queueName)
                .setParameter("before", before)
                .executeUpdate();
    }

    public int removeAllOf(String queueName) {
        return em.createQuery("delete from TaskEntity t where t.queueName = :queue")
                .setParameter("queue", queueName)
                .executeUpdate();
    }
}
