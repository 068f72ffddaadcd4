package dev.courier.benchmark;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Dispatch throughput: a backlog of due tasks delivered to the fast sink, on 1 queue (capped at
 * 500/s, Cloud Tasks' highest rate) and on 10 queues, beside the sink's own capacity (plain HTTP
 * load from 64 clients) and a no-op MDB draining as many
 * scheduled messages with Courier's session count.
 */
final class DispatchScenario {

    private static final int CLIENTS = 64;

    private DispatchScenario() {}

    static void run(Bench bench) throws Exception {
        int backlog = bench.settings.dispatchBacklog();
        Progress.log("Dispatch throughput: baselines");
        double sinkCapacity = sinkCapacity(bench);
        double mdbDrain = noopMdbDrain(bench, backlog);
        String baseline = String.format("sink %,.0f/s; no-op MDB %,.0f/s", sinkCapacity, mdbDrain);

        Map<String, double[][]> chart = new LinkedHashMap<>();
        for (int queues : new int[] {1, 10}) {
            Delivery delivery = deliver(bench, "dispatch-" + queues, queues, backlog);
            String goal = queues == 1
                    ? "500/s (the queue's rate cap)"
                    : String.format("≥ 1,500/s and ≥ 75 %% of no-op MDB (%,.0f/s)", 0.75 * mdbDrain);
            bench.report.row(
                    "dispatch throughput",
                    String.format("%d queue%s, %,d due", queues, queues == 1 ? "" : "s", backlog),
                    delivery.describe(mdbDrain),
                    baseline,
                    goal);
            chart.put(queues + (queues == 1 ? " queue" : " queues"), delivery.perSecond());
        }
        Charts.lines(
                bench.chartFile("dispatch.png"),
                "Tasks delivered per second (from the first delivery)",
                "s",
                "tasks/s",
                chart);
        bench.report.chart("Dispatch throughput", "dispatch.png");
    }

    /** How a due backlog was delivered. */
    record Delivery(long delivered, long expected, List<Long> arrivals, boolean createdInTime) {

        double rate() {
            long first = arrivals.stream().mapToLong(Long::longValue).min().orElse(0);
            long last = arrivals.stream().mapToLong(Long::longValue).max().orElse(0);
            return delivered / Math.max(0.001, (last - first) / 1000.0);
        }

        double[][] perSecond() {
            return Charts.ratePerSecond(
                    arrivals, arrivals.stream().mapToLong(Long::longValue).min().orElse(0), 1000);
        }

        String describe(double mdbDrain) {
            return String.format("%,.0f/s (%.0f %% of no-op MDB)%s", rate(), 100 * rate() / mdbDrain, caveats());
        }

        /**
         * What keeps the rate from being a dispatch figure: tasks not all delivered in time, or
         * created after they fell due.
         */
        String caveats() {
            return (delivered < expected ? String.format(", only %,d delivered", delivered) : "")
                    + (createdInTime ? "" : ", creation overran the due time");
        }
    }

    /** Creates {@code backlog} tasks due at one moment on {@code queues} new queues (500/s each) and waits for them. */
    static Delivery deliver(Bench bench, String prefix, int queues, int backlog) throws InterruptedException {
        Progress.log(String.format(
                "Dispatch throughput: %,d due tasks on %d queue%s", backlog, queues, queues == 1 ? "" : "s"));
        List<String> ids =
                IntStream.range(0, queues).mapToObj(q -> prefix + "-" + q).toList();
        for (String id : ids) {
            bench.rest.createQueue(id, 500, 1000);
        }
        Instant due = bench.dueAfterCreating(backlog);
        bench.createDueTasks("create backlog", ids, backlog, seq -> due, Bench.Created.IGNORE);
        boolean createdInTime = Instant.now().isBefore(due);
        long delivered = bench.awaitArrivals("dispatch", ids, backlog, Duration.ofSeconds(backlog / 100 + 60));
        List<Long> arrivals = new ArrayList<>();
        ids.forEach(id -> arrivals.addAll(bench.sink.arrivalsOf(id)));
        ids.forEach(bench.rest::deleteQueue);
        return new Delivery(delivered, backlog, arrivals, createdInTime);
    }

    private static double sinkCapacity(Bench bench) throws InterruptedException {
        URI uri = URI.create(bench.sink.url("/plain"));
        String body = bench.rest.createTaskJson(Instant.now());
        Load.Result result = Load.run(
                "sink capacity",
                CLIENTS,
                Long.MAX_VALUE,
                Duration.ofSeconds(5),
                seq -> HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
        return result.perSecond();
    }

    private static double noopMdbDrain(Bench bench, int count) throws InterruptedException {
        long due = Instant.now().plusSeconds(count / 2000 + 5).toEpochMilli();
        bench.rest.send(bench.rest.post("/bench-noop/fill?count=" + count + "&due=" + due, ""));
        Instant giveUp = Instant.now().plusSeconds(count / 100 + 60);
        String[] drained = {"0", "0", "0"};
        while (Instant.now().isBefore(giveUp)) {
            drained = bench.rest
                    .send(HttpRequest.newBuilder(URI.create(bench.server.baseUrl() + "/bench-noop/drained"))
                            .build())
                    .body()
                    .trim()
                    .split(" ");
            if (Long.parseLong(drained[0]) >= count) {
                break;
            }
            Thread.sleep(200);
        }
        long consumed = Long.parseLong(drained[0]);
        double seconds = Math.max(0.001, (Long.parseLong(drained[2]) - Long.parseLong(drained[1])) / 1000.0);
        Progress.log(String.format("  no-op MDB drained %,d messages in %.1f s", consumed, seconds));
        return consumed / seconds;
    }
}
