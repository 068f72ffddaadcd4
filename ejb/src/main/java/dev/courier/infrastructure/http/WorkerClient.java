package dev.courier.infrastructure.http;

import dev.courier.application.dispatch.Worker;
import dev.courier.application.dispatch.WorkerRequest;
import dev.courier.domain.AttemptResult;
import dev.courier.domain.RetryAfter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends task requests to workers with the JDK HTTP client, asynchronously: a call in flight holds a
 * connection, not a thread, so thousands can be in flight at once. Redirects are not followed (a
 * 3xx is a failed attempt, as observed on Cloud Tasks); the request is abandoned at the dispatch
 * deadline.
 */
@ApplicationScoped
public class WorkerClient implements Worker {

    @Inject
    @ConfigProperty(name = "courier.http.connect-timeout")
    Duration connectTimeout;

    @Inject
    Clock clock;

    private HttpClient client;

    /*
     * The client keeps its default executor: given one of its own, the JDK client moves every
     * response to the common pool first, which on two cores starts a thread per response.
     */
    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public CompletionStage<AttemptResult> send(WorkerRequest request) {
        HttpRequest httpRequest;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                    .timeout(request.deadline())
                    .method(
                            request.method(),
                            request.body().length == 0
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            httpRequest = builder.build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(AttemptResult.unreachable("Invalid request: " + e.getMessage()));
        }
        try {
            return client.sendAsync(httpRequest, HttpResponse.BodyHandlers.discarding())
                    .handle((response, failure) -> failure == null ? answered(response) : failed(failure));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(failed(e));
        }
    }

    private AttemptResult answered(HttpResponse<Void> response) {
        Instant retryAfter = RetryAfter.parse(
                        response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                .orElse(null);
        return AttemptResult.answered(response.statusCode(), retryAfter);
    }

    private static AttemptResult failed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof HttpConnectTimeoutException) {
            return AttemptResult.unreachable("Connection timed out");
        }
        if (cause instanceof HttpTimeoutException) {
            return AttemptResult.deadlineExceeded();
        }
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return AttemptResult.unreachable("Could not reach the worker: " + reason);
    }
}
