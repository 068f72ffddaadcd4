package dev.courier.infrastructure;

import dev.courier.application.dispatch.OutcomeThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** {@link OutcomeThreads} as a fixed pool of the container's managed threads. */
@ApplicationScoped
public class ManagedOutcomeThreads implements OutcomeThreads {

    /**
     * Recording an outcome is short (a batched write), so a few threads keep up with thousands of
     * calls ending per second; more only add switches between them.
     */
    static final int THREADS = 16;

    @Resource
    ManagedThreadFactory threadFactory;

    private ScheduledThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = new ScheduledThreadPoolExecutor(THREADS, threadFactory);
        pool.setRemoveOnCancelPolicy(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Override
    public void execute(Runnable task) {
        try {
            pool.execute(task);
        } catch (RejectedExecutionException stopping) {
            // Courier is stopping: the attempt's lease and the sweeper own the task
        }
    }

    @Override
    public void schedule(Runnable task, Duration delay) {
        try {
            pool.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            // as above
        }
    }
}
