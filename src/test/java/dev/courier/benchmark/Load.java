package dev.courier.benchmark;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop HTTP load: {@code clients} threads, each with its own keep-alive HTTP/1.1
 * connection, send requests back to back until {@code total} were sent or time is up.
 */
final class Load {

    /** The request number {@code seq} (0-based, unique across clients). */
    interface Requests {
        HttpRequest request(long seq);
    }

    /** Called with each 2xx answer and the number of its request. */
    interface Answers {
        void accept(long seq, String body);
    }

    record Result(long ok, long failed, double seconds, long[] latencyNanos, String firstFailure) {

        double perSecond() {
            return ok / seconds;
        }

        double percentileMillis(double q) {
            return Stats.percentile(latencyNanos, q) / 1e6;
        }
    }

    private Load() {}

    static Result run(String label, int clients, long total, Duration limit, Requests requests, Answers answers)
            throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        List<long[]> latencies = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1024]};
            int[] count = {0};
            HttpClient http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            Thread thread = new Thread(
                    () -> {
                        long seq;
                        while ((seq = next.getAndIncrement()) < total && System.nanoTime() < deadline) {
                            long sent = System.nanoTime();
                            try {
                                HttpResponse<String> response =
                                        http.send(requests.request(seq), HttpResponse.BodyHandlers.ofString());
                                if (count[0] == mine[0].length) {
                                    mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
                                }
                                mine[0][count[0]++] = System.nanoTime() - sent;
                                if (response.statusCode() / 100 == 2) {
                                    ok.incrementAndGet();
                                    answers.accept(seq, response.body());
                                } else {
                                    failed.incrementAndGet();
                                    firstFailure.compareAndSet(null, response.statusCode() + " " + response.body());
                                }
                            } catch (IOException e) {
                                failed.incrementAndGet();
                                firstFailure.compareAndSet(null, e.toString());
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                        synchronized (latencies) {
                            latencies.add(Arrays.copyOf(mine[0], count[0]));
                        }
                    },
                    label + "-" + c);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        Progress progress = Progress.every(
                Duration.ofSeconds(5), () -> String.format("  %s: %,d ok, %,d failed", label, ok.get(), failed.get()));
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            progress.close();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(ok.get(), failed.get(), seconds, all, firstFailure.get());
    }

    /** Sends without collecting the answers. */
    static Result run(String label, int clients, long total, Duration limit, Requests requests)
            throws InterruptedException {
        return run(label, clients, total, limit, requests, (seq, body) -> {});
    }
}
