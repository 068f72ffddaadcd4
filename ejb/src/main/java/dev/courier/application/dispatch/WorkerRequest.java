package dev.courier.application.dispatch;

import java.time.Duration;
import java.util.Map;

/** One HTTP request to a worker, fully resolved: URL, method, headers, body and deadline. */
public record WorkerRequest(String url, String method, Map<String, String> headers, byte[] body, Duration deadline) {}
