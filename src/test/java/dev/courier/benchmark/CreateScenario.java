package dev.courier.benchmark;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * CreateTask throughput and latency with 1, 8 and 32 keep-alive clients, each beside a no-op
 * JAX-RS POST of the same body on the same server ({@code bench-noop.war}). Tasks are due in two
 * hours, so nothing dispatches meanwhile.
 */
final class CreateScenario {

    private static final int[] CLIENTS = {1, 8, 32};
    private static final String QUEUE = "create";

    private CreateScenario() {}

    static void run(Bench bench) throws Exception {
        Progress.log("Create throughput");
        bench.rest.createQueue(QUEUE, 500, 1000);
        Instant due = Instant.now().plus(Duration.ofHours(2));
        String body = bench.rest.createTaskJson(due);
        Load.Requests create = seq -> bench.rest.createTask(QUEUE, due);
        Load.Requests noop = seq -> bench.rest.post("/bench-noop/noop", body);
        Load.run("warm-up noop", 8, Long.MAX_VALUE, Duration.ofSeconds(2), noop);
        Load.run("warm-up create", 8, Long.MAX_VALUE, Duration.ofSeconds(3), create);

        double[] creates = new double[CLIENTS.length];
        double[] noops = new double[CLIENTS.length];
        for (int i = 0; i < CLIENTS.length; i++) {
            int clients = CLIENTS[i];
            Load.Result baseline =
                    Load.run("noop x" + clients, clients, Long.MAX_VALUE, bench.settings.createRun(), noop);
            Load.Result result =
                    Load.run("create x" + clients, clients, Long.MAX_VALUE, bench.settings.createRun(), create);
            creates[i] = result.perSecond();
            noops[i] = baseline.perSecond();
            bench.report.row(
                    "create throughput",
                    clients + " client" + (clients == 1 ? "" : "s"),
                    describe(result) + failures(result),
                    describe(baseline)
                            + String.format(" (Courier at %.0f %%)", 100 * result.perSecond() / baseline.perSecond()),
                    clients == 32 ? "≥ 2,000/s" : "-");
            if (clients == Bench.LOAD_CLIENTS) {
                // These tasks are due in 2 h, without a broker message: a due backlog is created slower.
                bench.dueCreateRate = result.perSecond() / 2;
            }
        }
        var series = Charts.series();
        series.put("CreateTask", creates);
        series.put("no-op POST", noops);
        Charts.bars(
                bench.chartFile("create.png"),
                "CreateTask vs no-op JAX-RS POST",
                "requests/s",
                List.of("1 client", "8 clients", "32 clients"),
                series);
        bench.report.chart("Create throughput", "create.png");
        bench.rest.deleteQueue(QUEUE);
    }

    static String describe(Load.Result result) {
        return String.format(
                "%,.0f/s, p50 %.1f ms, p99 %.1f ms",
                result.perSecond(), result.percentileMillis(0.5), result.percentileMillis(0.99));
    }

    private static String failures(Load.Result result) {
        return result.failed() == 0 ? "" : String.format(" (%,d failed)", result.failed());
    }
}
