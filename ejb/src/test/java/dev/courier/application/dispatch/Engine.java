package dev.courier.application.dispatch;

import dev.courier.domain.DispatchPrecedence;
import dev.courier.domain.RateLimits;
import dev.courier.infrastructure.persistence.TaskEntity;
import dev.courier.infrastructure.persistence.TaskRepository;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dispatch engine wired as the container wires it, with fakes behind its ports (broker,
 * worker, ledger) and an in-memory task table, on a clock that only the test moves.
 */
final class Engine {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String QUEUE = "projects/p/locations/l/queues/q";

    final TestClock clock = new TestClock(T0);
    final RecordingBroker broker = new RecordingBroker();
    final Map<String, QueueSettings> queues = new HashMap<>();
    final InMemoryTasks tasks = new InMemoryTasks();
    final DispatchLimiter limiter = new DispatchLimiter();
    final Enqueuer enqueuer = new Enqueuer();
    final QueueSettingsCache settings = new QueueSettingsCache();
    final Promoter promoter = new Promoter();
    final WaitingTasks waitingTasks = new WaitingTasks();

    Engine() {
        limiter.maxInFlight = 64;
        limiter.reservationWindow = Duration.ofSeconds(10);
        enqueuer.limiter = limiter;
        enqueuer.broker = broker;
        enqueuer.clock = clock;
        settings.reader = new QueueSettingsReader() {
            @Override
            public Optional<QueueSettings> read(String queueName) {
                return Optional.ofNullable(Engine.this.queues.get(queueName));
            }
        };
        settings.clock = clock;
        promoter.tasks = tasks;
        promoter.settings = settings;
        promoter.limiter = limiter;
        promoter.enqueuer = enqueuer;
        promoter.clock = clock;
        waitingTasks.tasks = tasks;
        waitingTasks.settings = settings;
        waitingTasks.limiter = limiter;
        waitingTasks.enqueuer = enqueuer;
        waitingTasks.clock = clock;
    }

    /** Sets the queue's state and limits, as an UpdateQueue, pause or resume made through this node. */
    QueueSettings queue(boolean running, RateLimits limits) {
        QueueSettings queue = new QueueSettings(QUEUE, running, limits);
        queues.put(QUEUE, queue);
        settings.forget(QUEUE);
        return queue;
    }

    /** A task row of the queue, due at {@code scheduleTime}, as CreateTask stores it. */
    TaskEntity task(String taskId, Instant scheduleTime) {
        TaskEntity task =
                new TaskEntity(QUEUE, taskId, new byte[0], scheduleTime, clock.instant(), Duration.ofMinutes(10));
        tasks.add(task);
        return task;
    }

    /** The order of the task's live message. */
    static DispatchOrder orderOf(TaskEntity task) {
        return new DispatchOrder(task.queueName(), task.id(), task.generation(), false, DispatchOrder.NO_RESERVATION);
    }

    /** Gives the task a new message; returns the order of the one it had, which is now stale. */
    static DispatchOrder moveOn(TaskEntity task) {
        task.newMessage(task.scheduleTime());
        DispatchOrder stale = orderOf(task);
        task.newMessage(task.scheduleTime());
        return stale;
    }

    /** The broker as a list of what was sent, in order. */
    static final class RecordingBroker implements DispatchBroker {

        record Sent(DispatchOrder order, Instant due, DispatchPrecedence precedence) {}

        final List<Sent> sent = new ArrayList<>();

        @Override
        public void schedule(DispatchOrder order, Instant due, DispatchPrecedence precedence) {
            sent.add(new Sent(order, due, precedence));
        }

        Sent last() {
            return sent.get(sent.size() - 1);
        }
    }

    /** The task table in memory: the repository queries the engine makes, answered from a list. */
    final class InMemoryTasks extends TaskRepository {

        private final List<TaskEntity> rows = new ArrayList<>();
        private long nextId = 1;

        @Override
        public void add(TaskEntity task) {
            setId(task, nextId++);
            rows.add(task);
        }

        @Override
        public Optional<TaskEntity> findLocked(long id) {
            return rows.stream().filter(task -> task.id() == id).findFirst();
        }

        @Override
        public List<TaskEntity> heldDue(String queueName, Instant latest, int limit) {
            return rows.stream()
                    .filter(task -> task.queueName().equals(queueName)
                            && task.isHeld()
                            && !task.scheduleTime().isAfter(latest))
                    .sorted(Comparator.comparing(TaskEntity::scheduleTime))
                    .limit(limit)
                    .toList();
        }

        @Override
        public List<String> runningQueuesWithHeldTasksDue(Instant latest) {
            return queues.values().stream()
                    .filter(QueueSettings::running)
                    .map(QueueSettings::name)
                    .filter(name -> !heldDue(name, latest, 1).isEmpty())
                    .toList();
        }

        @Override
        public List<TaskEntity> waiting(String queueName, int limit) {
            return rows.stream()
                    .filter(task -> task.queueName().equals(queueName) && task.isWaiting())
                    .sorted(Comparator.comparing(TaskEntity::scheduleTime))
                    .limit(limit)
                    .toList();
        }

        @Override
        public boolean hasWaiting(String queueName) {
            return !waiting(queueName, 1).isEmpty();
        }

        @Override
        public List<String> queuesWithWaitingTasks() {
            return rows.stream()
                    .filter(TaskEntity::isWaiting)
                    .map(TaskEntity::queueName)
                    .distinct()
                    .toList();
        }

        /** The row id is the database's to give; JPA sets the field, so does this fake. */
        private static void setId(TaskEntity task, long id) {
            try {
                Field field = TaskEntity.class.getDeclaredField("id");
                field.setAccessible(true);
                field.set(task, id);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
