package dev.courier.application;

import dev.courier.infrastructure.http.WorkerRequest;
import dev.courier.infrastructure.messaging.DispatchOrder;

/** An attempt that has been recorded as started: which task generation, and the request to send. */
record Attempt(DispatchOrder order, String taskId, int number, WorkerRequest request) {
}
