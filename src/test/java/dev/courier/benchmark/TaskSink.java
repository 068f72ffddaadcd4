package dev.courier.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * The benchmark's worker: answers 200 after an optional delay and records the first arrival time
 * of each task ({@code queueId/taskId} from the Cloud Tasks headers) and how many requests are in
 * progress. Requests without task headers are plain load, only counted (the sink's own capacity).
 */
final class TaskSink implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> perQueue = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakInFlight = new AtomicInteger();
    private final LongAdder plainRequests = new LongAdder();
    private volatile long delayMillis;

    TaskSink() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 2000);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrival = System.currentTimeMillis();
        peakInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try (exchange;
                InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            String task = exchange.getRequestHeaders().getFirst("X-CloudTasks-TaskName");
            if (task == null) {
                plainRequests.increment();
            } else {
                String queue = exchange.getRequestHeaders().getFirst("X-CloudTasks-QueueName");
                if (arrivals.putIfAbsent(queue + "/" + task, arrival) == null) {
                    perQueue.computeIfAbsent(queue, q -> new LongAdder()).increment();
                }
            }
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            exchange.sendResponseHeaders(200, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Every task request is answered after {@code millis}. */
    void delay(long millis) {
        delayMillis = millis;
    }

    int inFlight() {
        return inFlight.get();
    }

    int peakInFlight() {
        return peakInFlight.get();
    }

    void resetPeak() {
        peakInFlight.set(inFlight.get());
    }

    long plainRequests() {
        return plainRequests.sum();
    }

    /** Epoch millis of the task's first arrival, or null. */
    Long arrival(String queueId, String taskId) {
        return arrivals.get(queueId + "/" + taskId);
    }

    /** First-arrival times (epoch millis) of every task of the queue. */
    List<Long> arrivalsOf(String queueId) {
        String prefix = queueId + "/";
        List<Long> times = new ArrayList<>();
        arrivals.forEach((key, at) -> {
            if (key.startsWith(prefix)) {
                times.add(at);
            }
        });
        return times;
    }

    /** How many distinct tasks of the queue have arrived. */
    long countOf(String queueId) {
        LongAdder count = perQueue.get(queueId);
        return count == null ? 0 : count.sum();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
