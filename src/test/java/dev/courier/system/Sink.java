package dev.courier.system;

import com.sun.net.httpserver.HttpExchange;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * A worker on a real port: records every request it receives and answers with scripted replies
 * (200 at once when the script is used up). Serves requests concurrently and records how many
 * were in progress at the same time, and which answers it finished sending. It can go down (its
 * port closed, so connections are refused) and come back on the same port.
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

    /** How to answer one request: after {@code delay}, with {@code status} and optional Retry-After. */
    record Reply(int status, Duration delay, String retryAfter) {

        static Reply of(int status) {
            return new Reply(status, Duration.ZERO, null);
        }

        Reply after(Duration wait) {
            return new Reply(status, wait, retryAfter);
        }

        Reply retryAfter(String value) {
            return new Reply(status, delay, value);
        }
    }

    /** A request the worker finished answering, and when. */
    record Answered(Received request, int status, Instant at) {}

    private final int port;
    private volatile HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Answered> answered = new CopyOnWriteArrayList<>();
    private final Deque<Reply> script = new ConcurrentLinkedDeque<>();
    private volatile Reply fallback = Reply.of(200);
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger peakInProgress = new AtomicInteger();

    Sink() throws IOException {
        server = listen(0);
        port = server.getAddress().getPort();
    }

    /** Closes the port: from now on Courier's connections are refused. Requests in progress are dropped. */
    void goDown() {
        server.stop(0);
    }

    /** Listens again on the same port, with the same script and records. */
    void comeBack() throws IOException {
        server = listen(port);
    }

    private HttpServer listen(int onPort) throws IOException {
        HttpServer listening = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 1000);
        listening.setExecutor(threads);
        listening.createContext("/", this::handle);
        listening.start();
        return listening;
    }

    private void handle(HttpExchange exchange) {
        int now = inProgress.incrementAndGet();
        peakInProgress.accumulateAndGet(now, Math::max);
        try {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            Received request = new Received(
                    Instant.now(),
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    headers,
                    body);
            received.add(request);
            Reply reply = script.pollFirst();
            reply = reply == null ? fallback : reply;
            if (!reply.delay().isZero()) {
                Thread.sleep(reply.delay().toMillis());
            }
            if (reply.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", reply.retryAfter());
            }
            exchange.sendResponseHeaders(reply.status(), -1);
            answered.add(new Answered(request, reply.status(), Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException abandoned) {
            // Courier gave up on the request (deadline): nothing to answer
        } finally {
            inProgress.decrementAndGet();
            exchange.close();
        }
    }

    /** The statuses to answer with, in order, before falling back to 200. */
    Sink answering(Integer... statuses) {
        for (int status : statuses) {
            script.add(Reply.of(status));
        }
        return this;
    }

    /** The replies to give, in order, before falling back. */
    Sink replying(Reply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** The reply for every request once the script is used up. */
    Sink otherwise(Reply reply) {
        fallback = reply;
        return this;
    }

    int inProgress() {
        return inProgress.get();
    }

    /** The answers the worker finished sending (Courier may still have dropped the connection first). */
    List<Answered> answered() {
        return new ArrayList<>(answered);
    }

    int peakInProgress() {
        return peakInProgress.get();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    List<Received> requestsFor(String taskId) {
        return matching(r -> taskId.equals(r.taskName()));
    }

    List<Received> matching(Predicate<Received> filter) {
        return new ArrayList<>(received.stream().filter(filter).toList());
    }

    /** Waits until {@code count} requests for the task have arrived, or fails after {@code timeout}. */
    List<Received> awaitRequests(String taskId, int count, Duration timeout) throws InterruptedException {
        return await(r -> taskId.equals(r.taskName()), count, timeout);
    }

    /** Waits until {@code count} matching requests have arrived, or fails after {@code timeout}. */
    List<Received> await(Predicate<Received> filter, int count, Duration timeout) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (Instant.now().isBefore(giveUp)) {
            List<Received> got = matching(filter);
            if (got.size() >= count) {
                return got;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("Expected " + count + " requests within " + timeout + ", got "
                + matching(filter).size());
    }

    /** How many requests each task got on {@code path}, by task name. */
    Map<String, Long> deliveriesByTask(String path) {
        return matching(r -> r.path().equals(path)).stream()
                .collect(Collectors.groupingBy(Received::taskName, Collectors.counting()));
    }

    /**
     * Waits until each of the tasks {@code ids} got a request on {@code path}, or {@code timeout}
     * passes, then two seconds more for late duplicates; returns {@link #deliveriesByTask}.
     */
    Map<String, Long> awaitEach(Set<String> ids, String path, Duration timeout) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        while (!deliveriesByTask(path).keySet().containsAll(ids)
                && Instant.now().isBefore(giveUp)) {
            Thread.sleep(500);
        }
        Thread.sleep(2_000);
        return deliveriesByTask(path);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
