package dev.courier.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Tasks in the database. Callers bring the transaction.
 *
 * <p>Queries that page through an index order by all of its leading columns, including those the
 * query fixes by equality: H2 only then reads the index in order and stops at the limit; ordered
 * by the last column alone it sorted every matching row (ListTasks and each promoter batch took
 * time proportional to the queue's backlog).
 */
@ApplicationScoped
public class TaskRepository {

    @PersistenceContext(unitName = "courier")
    EntityManager em;

    @Inject
    EntityLookup lookup;

    /**
     * Finds and row-locks a task for the rest of the transaction. Every change of a task's
     * generation goes through a lock, so two transactions (an attempt ending, RunTask, a waiting
     * task's release) never both move it on and send two live messages.
     */
    public Optional<TaskEntity> findLocked(long id) {
        return lookup.find(TaskEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Finds and row-locks a task if it is still at {@code generation}: the one a dispatch
     * message names, unless it was deleted or moved to a newer message since.
     */
    public Optional<TaskEntity> findLocked(long id, long generation) {
        return findLocked(id).filter(task -> task.hasGeneration(generation));
    }

    /**
     * Finds and row-locks, in one statement, those of the tasks with these row ids that still
     * exist (a batch of attempts, or of held or waiting tasks). The rows are found through the
     * primary key, so only they are locked.
     */
    public Map<Long, TaskEntity> findAllLocked(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select t from TaskEntity t where t.id in :ids", TaskEntity.class)
                .setParameter("ids", ids)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .collect(Collectors.toMap(TaskEntity::id, Function.identity()));
    }

    public Optional<TaskEntity> find(String queueName, String taskId) {
        return byName(queueName, taskId).getResultStream().findFirst();
    }

    /**
     * Finds and row-locks a task by name. Locking in the query, not after it, means a task
     * deleted meanwhile is simply not found.
     */
    public Optional<TaskEntity> findLocked(String queueName, String taskId) {
        return byName(queueName, taskId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    private TypedQuery<TaskEntity> byName(String queueName, String taskId) {
        return em.createQuery(
                        "select t from TaskEntity t where t.queueName = :queue and t.taskId = :taskId",
                        TaskEntity.class)
                .setParameter("queue", queueName)
                .setParameter("taskId", taskId);
    }

    /** Adds a task; its row id is assigned now, its row is written at the next flush. */
    public void add(TaskEntity task) {
        em.persist(task);
    }

    /**
     * Writes the task's row now (so a duplicate name fails here, as ALREADY_EXISTS, rather than at
     * commit) and stops tracking it: later changes to the object are not saved.
     */
    /** Writes pending changes now (inserts in JDBC batches), so that their failures surface here. */
    public void flush() {
        em.flush();
    }

    public void remove(TaskEntity task) {
        em.remove(task);
    }

    /** Tasks of a queue in creation order, starting after row {@code afterId} (exclusive). */
    public List<TaskEntity> page(String queueName, long afterId, int limit) {
        return em.createQuery(
                        "select t from TaskEntity t where t.queueName = :queue and t.id > :after "
                                + "order by t.queueName, t.id",
                        TaskEntity.class)
                .setParameter("queue", queueName)
                .setParameter("after", afterId)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Up to {@code limit} held tasks of the queue due by {@code latest}, earliest first,
     * row-locked for the rest of the transaction.
     */
    public List<TaskEntity> heldDue(String queueName, Instant latest, int limit) {
        List<Long> ids = em.createQuery(
                        "select t.id from TaskEntity t where t.held = true and t.queueName = :queue "
                                + "and t.scheduleTime <= :latest order by t.held, t.queueName, t.scheduleTime",
                        Long.class)
                .setParameter("queue", queueName)
                .setParameter("latest", latest)
                .setMaxResults(limit)
                .getResultList();
        return lockAll(ids, TaskEntity::isHeld);
    }

    /** The running queues that hold tasks due by {@code latest}. */
    public List<String> runningQueuesWithHeldTasksDue(Instant latest) {
        return em.createQuery(
                        "select q.name from QueueEntity q where q.state = :running and exists ("
                                + "select t.id from TaskEntity t where t.held = true and t.queueName = q.name "
                                + "and t.scheduleTime <= :latest)",
                        String.class)
                .setParameter("running", QueueEntity.State.RUNNING)
                .setParameter("latest", latest)
                .getResultList();
    }

    /**
     * Holds, for the promoter, every task whose message was due before {@code cutoff} but never
     * started an attempt: the message was lost (or sent to the dead-letter queue). Returns how many.
     */
    public int holdOverdue(Instant cutoff) {
        return em.createQuery("update TaskEntity t set t.held = true, t.messageTime = null, "
                        + "t.generation = t.generation + 1 where t.held = false and t.waiting = false "
                        + "and t.leaseExpireTime is null and t.messageTime < :cutoff")
                .setParameter("cutoff", cutoff)
                .executeUpdate();
    }

    /** Holds, for the promoter, every task whose attempt's lease expired unfinished. Returns how many. */
    public int holdExpiredLeases(Instant now) {
        return em.createQuery("update TaskEntity t set t.held = true, t.messageTime = null, t.leaseExpireTime = null, "
                        + "t.generation = t.generation + 1 where t.leaseExpireTime < :now")
                .setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Holds, for the promoter, every task whose attempt started before {@code processStart} and
     * has not ended: its call died with the process that made it. Returns how many.
     */
    public int holdAttemptsStartedBefore(Instant processStart) {
        return em.createQuery("update TaskEntity t set t.held = true, t.messageTime = null, t.leaseExpireTime = null, "
                        + "t.generation = t.generation + 1 where t.leaseExpireTime is not null "
                        + "and t.lastAttemptDispatchTime < :processStart")
                .setParameter("processStart", processStart)
                .executeUpdate();
    }

    /**
     * Up to {@code limit} tasks of the queue waiting for room in flight, earliest due first,
     * row-locked for the rest of the transaction (a task released and finished meanwhile by
     * another transaction is not returned).
     */
    public List<TaskEntity> waiting(String queueName, int limit) {
        return lockAll(waitingIds(queueName, limit), TaskEntity::isWaiting);
    }

    public boolean hasWaiting(String queueName) {
        return !waitingIds(queueName, 1).isEmpty();
    }

    /** Ids of the queue's tasks waiting for room in flight, earliest due first; no locks. */
    private List<Long> waitingIds(String queueName, int limit) {
        return em.createQuery(
                        "select t.id from TaskEntity t where t.waiting = true and t.queueName = :queue "
                                + "order by t.waiting, t.queueName, t.scheduleTime",
                        Long.class)
                .setParameter("queue", queueName)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Locks the rows (one statement, by row id) and keeps those that still match, in the order of
     * {@code ids}. Not "select ... for update" with the original query: with a lock, H2 no longer
     * reads the index in order and stops at the limit, but locks every matching row first (a
     * promoter batch of 200 locked a queue's whole due backlog).
     */
    private List<TaskEntity> lockAll(List<Long> ids, Predicate<TaskEntity> stillMatching) {
        Map<Long, TaskEntity> locked = findAllLocked(ids);
        return ids.stream()
                .map(locked::get)
                .filter(Objects::nonNull)
                .filter(stillMatching)
                .toList();
    }

    /** The queues that have tasks waiting for room in flight. */
    public List<String> queuesWithWaitingTasks() {
        return em.createQuery("select distinct t.queueName from TaskEntity t where t.waiting = true", String.class)
                .getResultList();
    }

    public int removeCreatedBefore(String queueName, Instant before) {
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
