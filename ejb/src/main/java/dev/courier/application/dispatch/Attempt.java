package dev.courier.application.dispatch;

/** An attempt that has been recorded as started: which task generation, and the request to send. */
public record Attempt(DispatchOrder order, String taskId, int number, WorkerRequest request) {}
