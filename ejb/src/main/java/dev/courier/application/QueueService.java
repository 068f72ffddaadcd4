package dev.courier.application;

import com.google.cloud.tasks.v2.ListQueuesResponse;
import com.google.cloud.tasks.v2.Queue;
import dev.courier.domain.ApiException;
import dev.courier.domain.Errors;
import dev.courier.domain.QueueName;
import dev.courier.infrastructure.persistence.QueueEntity;
import dev.courier.infrastructure.persistence.QueueRepository;
import dev.courier.infrastructure.persistence.TaskRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.jboss.logging.Logger;

/** The queue RPCs of Cloud Tasks, shared by every API transport. */
@Stateless
public class QueueService {

    private static final Logger LOG = Logger.getLogger(QueueService.class);
    static final int MAX_PAGE_SIZE = 9800;

    @Inject
    QueueRepository queues;
    @Inject
    TaskRepository tasks;
    @Inject
    Clock clock;

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
        QueueEntity entity = new QueueEntity(name.toString(), QueueMapper.rateLimits(queue.getRateLimits()),
                QueueMapper.retryPolicy(queue.getRetryConfig()), clock.instant());
        queues.add(entity);
        LOG.infof("Queue %s created", name);
        return QueueMapper.toProto(entity);
    }

    public Queue get(String name) {
        return QueueMapper.toProto(existing(name));
    }

    public ListQueuesResponse list(String parent, String filter, int pageSize, String pageToken) {
        QueueName.requireParent(parent);
        if (filter != null && !filter.isBlank()) {
            throw ApiException.invalidArgument("Queue filters are not supported yet.");
        }
        int size = PageToken.size(pageSize, MAX_PAGE_SIZE);
        List<QueueEntity> page = queues.page(parent, PageToken.decode(pageToken), size + 1);
        ListQueuesResponse.Builder response = ListQueuesResponse.newBuilder();
        page.stream().limit(size).map(QueueMapper::toProto).forEach(response::addQueues);
        if (page.size() > size) {
            response.setNextPageToken(PageToken.encode(page.get(size - 1).name()));
        }
        return response.build();
    }

    /** Deletes a queue and all its tasks; their messages become stale and are dropped. */
    public void delete(String name) {
        QueueEntity queue = queues.find(QueueName.parse(name).toString()).orElseThrow(Errors::entityNotFound);
        int removed = tasks.removeAllOf(queue.name());
        queues.remove(queue);
        LOG.infof("Queue %s deleted with %d tasks", name, removed);
    }

    private QueueEntity existing(String name) {
        return queues.find(QueueName.parse(name).toString()).orElseThrow(Errors::queueNotFound);
    }
}
