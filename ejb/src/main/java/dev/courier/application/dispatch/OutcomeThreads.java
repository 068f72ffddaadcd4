package dev.courier.application.dispatch;

import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * The threads that record attempts' outcomes (a port): container threads, on which a transaction
 * may start, kept apart from the HTTP client's own threads, which must never wait on a database.
 */
public interface OutcomeThreads extends Executor {

    /** Runs the task after the delay; a task handed in while Courier stops is dropped. */
    void schedule(Runnable task, Duration delay);
}
