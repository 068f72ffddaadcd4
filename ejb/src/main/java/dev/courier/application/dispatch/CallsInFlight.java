package dev.courier.application.dispatch;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The node's bound on calls to workers in flight, over all queues: each holds a connection and its
 * buffers until its worker answers, so the bound caps the heap they take. A dispatch consumer that
 * finds the node at its bound waits for a call to end before it starts another attempt, and the
 * broker keeps the due messages meanwhile.
 */
@ApplicationScoped
public class CallsInFlight {

    @Inject
    @ConfigProperty(name = "courier.dispatch.max-in-flight")
    int max;

    private Semaphore room;

    @PostConstruct
    void init() {
        room = new Semaphore(max);
    }

    /** Takes room for one call, waiting for it if the node is at its bound. */
    void enter() {
        room.acquireUninterruptibly();
    }

    void leave() {
        room.release();
    }

    /** Calls in flight now. */
    public int count() {
        return max - room.availablePermits();
    }
}
