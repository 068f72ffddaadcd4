package dev.courier.benchmark;

import dev.courier.system.WildFlyProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/** What every scenario works with: the running server, its API, the sink, and the report. */
final class Bench {

    static final int PORT_OFFSET = 600;
    static final int LOAD_CLIENTS = 32;
    /** The CreateTask/s guessed for due tasks on a server not yet measured: low, so that lead times are ample. */
    static final double FRESH_SERVER_CREATE_RATE = 250;

    final Settings settings;
    final Path resultsDir;
    final TaskSink sink;
    final Report report = new Report();
    WildFlyProcess server;
    CourierRest rest;
    Management management;
    /**
     * CreateTask/s of tasks due soon (each sends a broker message), as last measured by a big
     * creation on the running server; sizes the lead time of due backlogs. Until then a low guess
     * (set at each start), so that tasks are not created after they are due.
     */
    double dueCreateRate;

    Bench(Settings settings, Path resultsDir, TaskSink sink) {
        this.settings = settings;
        this.resultsDir = resultsDir;
        this.sink = sink;
    }

    /** Boots a fresh Courier server named {@code name} of the WildFly at {@code home}; returns boot-to-ready. */
    Duration boot(Path home, String name, boolean withCourier) throws IOException, InterruptedException {
        server = WildFlyProcess.prepare(home, name, PORT_OFFSET, withCourier);
        return start();
    }

    Duration start() throws IOException, InterruptedException {
        // A JVM just started is not yet compiled hot, and may be sized unlike the last one: the old
        // rate would make its backlogs fall due while still being created, so the dispatch rate
        // would measure creation.
        dueCreateRate = FRESH_SERVER_CREATE_RATE;
        long begin = System.nanoTime();
        server.start();
        Duration boot = Duration.ofNanos(System.nanoTime() - begin);
        rest = new CourierRest(server.baseUrl(), sink.url("/task"));
        management = new Management(server);
        return boot;
    }

    void stop() throws InterruptedException {
        server.stop();
    }

    /** A moment after which {@code tasks} more tasks can surely have been created. */
    Instant dueAfterCreating(long tasks) {
        return Instant.now().plusMillis((long) (tasks / dueCreateRate * 1300) + 3000);
    }

    /**
     * Creates {@code count} tasks with 32 clients; task {@code i} goes to {@code queues[i % n]}
     * due at {@code due(i)}. {@code created} receives each task's number and ID.
     */
    Load.Result createTasks(String label, List<String> queues, long count, LongFunction<Instant> due, Created created)
            throws InterruptedException {
        Load.Result result = Load.run(
                label,
                LOAD_CLIENTS,
                count,
                Duration.ofHours(1),
                seq -> rest.createTask(queues.get((int) (seq % queues.size())), due.apply(seq)),
                (seq, body) -> created.accept(seq, CourierRest.taskId(body)));
        if (result.failed() > 0) {
            Progress.log(
                    "  " + label + ": " + result.failed() + " CreateTask failures, first: " + result.firstFailure());
        }
        return result;
    }

    /**
     * {@link #createTasks} for tasks due soon on running queues, whose broker messages make them
     * slower to create than held ones: a big creation's rate becomes {@link #dueCreateRate}.
     */
    Load.Result createDueTasks(
            String label, List<String> queues, long count, LongFunction<Instant> due, Created created)
            throws InterruptedException {
        Load.Result result = createTasks(label, queues, count, due, created);
        if (count >= 1000) {
            dueCreateRate = result.perSecond();
        }
        return result;
    }

    /** Waits until the sink has seen {@code expected} tasks of the queues, or {@code timeout} passed. */
    long awaitArrivals(String label, List<String> queues, long expected, Duration timeout) throws InterruptedException {
        Instant giveUp = Instant.now().plus(timeout);
        long arrived = 0;
        long lastPrint = 0;
        while (Instant.now().isBefore(giveUp)) {
            arrived = queues.stream().mapToLong(sink::countOf).sum();
            if (arrived >= expected) {
                break;
            }
            if (System.nanoTime() - lastPrint > 5_000_000_000L) {
                Progress.log(String.format("  %s: %,d of %,d delivered", label, arrived, expected));
                lastPrint = System.nanoTime();
            }
            Thread.sleep(200);
        }
        if (arrived < expected) {
            Progress.log(String.format(
                    "  %s: gave up after %s with %,d of %,d delivered", label, timeout, arrived, expected));
        }
        return arrived;
    }

    Path chartFile(String name) {
        return resultsDir.resolve(name);
    }

    /** Receives each created task. */
    interface Created {
        void accept(long seq, String taskId);

        Created IGNORE = (seq, taskId) -> {};
    }
}
