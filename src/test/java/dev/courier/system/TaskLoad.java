package dev.courier.system;

import com.google.cloud.tasks.v2.Queue;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * One client creating uniquely named tasks (due within five seconds) as fast as Courier answers,
 * with a GetQueue after every fifth: remembers which tasks were accepted and every call's answer,
 * for a test that breaks something underneath and checks what the API said meanwhile.
 */
final class TaskLoad implements AutoCloseable {

    /**
     * One API call: when it was sent and answered, and the answer; {@code status} is 0 when
     * Courier did not answer at all; no body is kept for 200.
     */
    record Call(Instant sent, Instant answered, String rpc, int status, String body) {}

    private final CourierApi api;
    private final Queue queue;
    private final String url;
    private final Set<String> accepted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean running = true;

    /** Starts the load on {@code queue}; the tasks call {@code url}. */
    TaskLoad(CourierApi api, Queue queue, String url) {
        this.api = api;
        this.queue = queue;
        this.url = url;
        this.thread = new Thread(this::run, "task-load");
        thread.start();
    }

    Set<String> accepted() {
        return Set.copyOf(accepted);
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Stops the load and waits for the call in progress. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join();
    }

    private void run() {
        for (int n = 0; running; n++) {
            String id = "t-" + n;
            Instant due = Instant.now().plusMillis(ThreadLocalRandom.current().nextLong(0, 5_000));
            CourierApi.Answer created = call(
                    "CreateTask",
                    () -> api.post(
                            "/v2/" + queue.getName() + "/tasks",
                            "{\"task\":{\"name\":\"" + queue.getName() + "/tasks/" + id + "\",\"scheduleTime\":\"" + due
                                    + "\",\"httpRequest\":{\"url\":\"" + url + "\"}}}"));
            if (created.status() == 200) {
                accepted.add(id);
            }
            if (n % 5 == 0) {
                call("GetQueue", () -> api.get("/v2/" + queue.getName()));
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CourierApi.Answer call(String rpc, Supplier<CourierApi.Answer> request) {
        Instant sent = Instant.now();
        CourierApi.Answer answer;
        try {
            answer = request.get();
        } catch (AssertionError noAnswer) {
            answer = new CourierApi.Answer(0, String.valueOf(noAnswer.getMessage()));
        }
        calls.add(new Call(sent, Instant.now(), rpc, answer.status(), answer.status() == 200 ? "" : answer.body()));
        if (answer.status() != 200) {
            pause(); // as a client backs off from a server that is down or unavailable
        }
        return answer;
    }
}
