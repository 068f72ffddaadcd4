package dev.courier.system;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A worker on a real port: records every request it receives and answers with a scripted status
 * (200 once the script is used up).
 */
final class Sink implements AutoCloseable {

    /** One request as the worker saw it; header names are lower case. */
    record Received(Instant at, String method, String path, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String taskName() {
            return header("X-CloudTasks-TaskName");
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();

    Sink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            received.add(new Received(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    headers, body));
            Integer status = script.pollFirst();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The statuses to answer with, in order, before falling back to 200. */
    Sink answering(Integer... statuses) {
        script.addAll(List.of(statuses));
        return this;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> requestsFor(String taskId) {
        return matching(r -> taskId.equals(r.taskName()));
    }

    List<Received> matching(Predicate<Received> filter) {
        return new ArrayList<>(received.stream().filter(filter).toList());
    }

    /** Waits until {@code count} requests for the task have arrived, or fails after {@code timeout}. */
    List<Received> awaitRequests(String taskId, int count, Duration timeout) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            List<Received> got = requestsFor(taskId);
            if (got.size() >= count) {
                return got;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Expected " + count + " requests for task " + taskId + " within " + timeout
                + ", got " + requestsFor(taskId).size());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
