package dev.courier.application;

import com.google.cloud.tasks.v2.Task;
import dev.courier.domain.ApiException;

/** The answer to one {@link CreateOrder} of a batch: the task as created, or why it was refused. */
record Created(Task task, ApiException refusal) {

    static Created task(Task task) {
        return new Created(task, null);
    }

    static Created refused(ApiException refusal) {
        return new Created(null, refusal);
    }

    Task orThrow() {
        if (refusal != null) {
            throw refusal;
        }
        return task;
    }
}
