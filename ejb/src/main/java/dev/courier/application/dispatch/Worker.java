package dev.courier.application.dispatch;

import dev.courier.domain.AttemptResult;

/**
 * The worker as dispatch sees it (a port; the HTTP client behind it): performs one attempt's
 * request and says how it ended. Never throws for what the worker or the network did; those
 * are outcomes.
 */
public interface Worker {

    AttemptResult send(WorkerRequest request);
}
