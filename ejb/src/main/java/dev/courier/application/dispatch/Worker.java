package dev.courier.application.dispatch;

import dev.courier.domain.AttemptResult;
import java.util.concurrent.CompletionStage;

/**
 * The worker as dispatch sees it (a port; the HTTP client behind it): performs one attempt's
 * request without blocking the caller and says, when it is over, how it ended. The stage never
 * fails for what the worker or the network did; those are outcomes.
 */
public interface Worker {

    CompletionStage<AttemptResult> send(WorkerRequest request);
}
