package dev.courier.application;

import com.google.cloud.tasks.v2.Task;
import dev.courier.infrastructure.persistence.GroupCommit;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Creates tasks by {@link GroupCommit}: concurrent CreateTask requests share one transaction
 * (their rows, their messages, one commit) instead of one each. Each request is answered only
 * after its transaction committed, as before.
 */
@ApplicationScoped
public class CreateBatcher {

    /** Tasks per transaction: a few dozen already make the commit's cost small per task. */
    static final int MAX_BATCH = 64;

    @Inject
    TaskCreation creation;

    @Resource
    ManagedThreadFactory threads;

    private GroupCommit<CreateOrder, Created> group;

    @PostConstruct
    void startCommitter() {
        group = new GroupCommit<>("create-task", MAX_BATCH, orders -> creation.createAll(orders), threads);
    }

    @PreDestroy
    void stopCommitter() {
        group.stop();
    }

    public Task create(CreateOrder order) {
        try {
            return group.submit(order).orThrow();
        } catch (GroupCommit.BatchFailed e) {
            return creation.createAlone(order);
        }
    }
}
