package dev.courier.infrastructure.http;

import dev.courier.application.dispatch.Worker;
import dev.courier.application.dispatch.WorkerRequest;
import dev.courier.domain.AttemptResult;
import dev.courier.domain.RetryAfter;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends task requests to workers with the JDK HTTP client. Redirects are not followed (a 3xx is a
 * failed attempt, as observed on Cloud Tasks); the request is abandoned at the dispatch deadline.
 */
@ApplicationScoped
public class WorkerClient implements Worker {

    @Inject
    @ConfigProperty(name = "courier.http.connect-timeout")
    Duration connectTimeout;

    @Inject
    Clock clock;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .build();
    }

    @Override
    public AttemptResult send(WorkerRequest request) {
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
            return AttemptResult.unreachable("Invalid request: " + e.getMessage());
        }
        try {
            HttpResponse<Void> response = client.send(httpRequest, HttpResponse.BodyHandlers.discarding());
            Instant retryAfter = RetryAfter.parse(
                            response.headers().firstValue("Retry-After").orElse(null), clock.instant())
                    .orElse(null);
            return AttemptResult.answered(response.statusCode(), retryAfter);
        } catch (HttpConnectTimeoutException e) {
            return AttemptResult.unreachable("Connection timed out");
        } catch (HttpTimeoutException e) {
            return AttemptResult.deadlineExceeded();
        } catch (IOException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return AttemptResult.unreachable("Could not reach the worker: " + reason);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while calling the worker", e);
        }
    }
}
