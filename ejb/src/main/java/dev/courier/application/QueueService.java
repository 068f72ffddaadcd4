package dev.courier.application;

import static dev.courier.logging.CourierLogger.LOG;

import com.google.cloud.tasks.v2.ListQueuesResponse;
import com.google.cloud.tasks.v2.Queue;
import com.google.protobuf.FieldMask;
import dev.courier.application.dispatch.QueueSettingsCache;
import dev.courier.application.mapping.PageToken;
import dev.courier.application.mapping.QueueFilter;
import dev.courier.application.mapping.QueueMapper;
import dev.courier.application.mapping.QueueRouting;
import dev.courier.application.mapping.QueueUpdate;
import dev.courier.domain.ApiException;
import dev.courier.domain.Errors;
import dev.courier.domain.QueueName;
import dev.courier.infrastructure.persistence.QueueEntity;
import dev.courier.infrastructure.persistence.QueueRepository;
import dev.courier.infrastructure.persistence.TaskRepository;
import dev.courier.infrastructure.persistence.TombstoneRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The queue RPCs of Cloud Tasks, shared by every API transport. */
@Stateless
public class QueueService {

    static final int MAX_PAGE_SIZE = 9800;

    @Inject
    QueueRepository queues;

    @Inject
    TaskRepository tasks;

    @Inject
    TombstoneRepository tombstones;

    @Inject
    QueueSettingsCache settings;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "courier.queue.tombstone-window")
    Duration queueTombstoneWindow;

    @Inject
    @ConfigProperty(name = "courier.task.tombstone-window")
    Duration taskTombstoneWindow;

    public Queue create(String parent, Queue queue) {
        QueueName.requireParent(parent);
        if (queue.getName().isEmpty()) {
            throw ApiException.invalidArgument("Queue.name is required.");
        }
        QueueName name = QueueName.parse(queue.getName());
        if (!name.parent().equals(parent)) {
            throw ApiException.invalidArgument("The queue name must be in the parent '" + parent + "'.");
        }
        if (queues.find(name.toString()).isPresent()) {
            throw Errors.queueAlreadyExists();
        }
        if (tombstones.isQueueBuried(name.toString(), clock.instant())) {
            throw Errors.queueNameTooRecent();
        }
        QueueEntity entity = new QueueEntity(
                name.toString(),
                QueueMapper.rateLimits(queue.getRateLimits()),
                QueueMapper.retryPolicy(queue.getRetryConfig()),
                clock.instant());
        entity.setRouting(QueueRouting.encode(queue));
        queues.add(entity);
        LOG.queueCreated(name);
        return QueueMapper.toProto(entity);
    }

    public Queue get(String name) {
        return QueueMapper.toProto(existing(name));
    }

    public ListQueuesResponse list(String parent, String filter, int pageSize, String pageToken) {
        QueueName.requireParent(parent);
        QueueFilter parsed = QueueFilter.parse(filter);
        int size = PageToken.size(pageSize, MAX_PAGE_SIZE);
        String after = PageToken.decodeFor(filter, pageToken);
        List<QueueEntity> page = parsed == null
                ? queues.page(parent, after, size + 1, null, false)
                : queues.page(parent, after, size + 1, parsed.state(), parsed.negated());
        ListQueuesResponse.Builder response = ListQueuesResponse.newBuilder();
        page.stream().limit(size).map(QueueMapper::toProto).forEach(response::addQueues);
        if (page.size() > size) {
            response.setNextPageToken(
                    PageToken.encodeFor(filter, page.get(size - 1).name()));
        }
        return response.build();
    }

    /**
     * Updates the fields named by {@code mask} (snake_case paths; empty = every mutable field), or
     * creates the queue when it does not exist (UpdateQueue is an upsert). Rate and retry changes
     * apply to the next dispatch and the next retry of existing tasks.
     */
    public Queue update(Queue queue, FieldMask mask) {
        QueueName name = QueueName.parse(queue.getName());
        QueueEntity entity = queues.find(name.toString()).orElse(null);
        if (entity == null) {
            return create(
                    name.parent(),
                    QueueUpdate.merge(
                            Queue.newBuilder().setName(name.toString()).build(), queue, mask));
        }
        Queue merged = QueueUpdate.merge(QueueMapper.toProto(entity), queue, mask);
        entity.setRateLimits(QueueMapper.rateLimits(merged.getRateLimits()));
        entity.setRetryPolicy(QueueMapper.retryPolicy(merged.getRetryConfig()));
        entity.setRouting(QueueRouting.encode(merged));
        settings.forget(entity.name());
        LOG.queueUpdated(name, mask.getPathsCount() == 0 ? "all fields" : mask.getPathsList());
        return QueueMapper.toProto(entity);
    }

    /** Deletes a queue and all its tasks; their messages become stale and are dropped. */
    public void delete(String name) {
        QueueEntity queue = queues.find(QueueName.parse(name).toString()).orElseThrow(Errors::entityNotFound);
        int removed = tasks.removeAllOf(queue.name());
        queues.remove(queue);
        settings.forget(queue.name());
        tombstones.buryQueue(queue.name(), clock.instant().plus(queueTombstoneWindow));
        LOG.queueDeleted(name, removed);
    }

    /** Stops dispatching; attempts in flight finish, and CreateTask keeps working. */
    public Queue pause(String name) {
        QueueEntity queue = existing(name);
        queue.setState(QueueEntity.State.PAUSED);
        settings.forget(queue.name());
        LOG.queuePaused(name);
        return QueueMapper.toProto(queue);
    }

    /** Dispatches again: the promoter sends the tasks held while the queue was paused, at its rate. */
    public Queue resume(String name) {
        QueueEntity queue = existing(name);
        if (queue.state() != QueueEntity.State.RUNNING) {
            queue.setState(QueueEntity.State.RUNNING);
            settings.forget(queue.name());
            LOG.queueResumed(name);
        }
        return QueueMapper.toProto(queue);
    }

    /** Deletes every task created before now and records the purge time. */
    public Queue purge(String name) {
        QueueEntity queue = existing(name);
        Instant now = clock.instant();
        tombstones.buryTasksCreatedBefore(queue.name(), now, now.plus(taskTombstoneWindow));
        int removed = tasks.removeCreatedBefore(queue.name(), now);
        queue.setPurgeTime(now);
        LOG.queuePurged(name, removed);
        return QueueMapper.toProto(queue);
    }

    private QueueEntity existing(String name) {
        return queues.find(QueueName.parse(name).toString()).orElseThrow(Errors::queueNotFound);
    }
}
