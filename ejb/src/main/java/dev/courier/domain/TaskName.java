package dev.courier.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code .../queues/{queueId}/tasks/{taskId}}, validated. */
public record TaskName(QueueName queue, String taskId) {

    private static final Pattern TASK_ID = Pattern.compile("[A-Za-z0-9_-]{1,500}");
    private static final Pattern FULL = Pattern.compile("(.*)/tasks/([^/]*)");

    public TaskName {
        if (taskId == null || !TASK_ID.matcher(taskId).matches()) {
            throw Errors.malformedTaskId(taskId);
        }
    }

    /** Parses a full task name; the queue part and the task ID are both validated. */
    public static TaskName parse(String name) {
        Matcher m = FULL.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw ApiException.invalidArgument("Task name must be formatted: "
                    + "\"projects/<PROJECT_ID>/locations/<LOCATION_ID>/queues/<QUEUE_ID>/tasks/<TASK_ID>\".");
        }
        return new TaskName(QueueName.parse(m.group(1)), m.group(2));
    }

    @Override
    public String toString() {
        return queue + "/tasks/" + taskId;
    }
}
