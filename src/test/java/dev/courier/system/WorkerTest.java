package dev.courier.system;

import com.google.cloud.tasks.v2.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A system test with the deployed Courier, its REST API, and a fresh worker ({@link Sink}) per test. */
abstract class WorkerTest extends CourierDeployment {

    final CourierApi api = new CourierApi(CourierApi.ARQUILLIAN_SERVER);
    Sink sink;

    @BeforeEach
    void startSink() throws Exception {
        sink = new Sink();
    }

    @AfterEach
    void stopSink() {
        sink.close();
    }

    static String id(Task task) {
        return CourierApi.taskId(task);
    }
}
