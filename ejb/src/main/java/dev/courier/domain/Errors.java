package dev.courier.domain;

/** The errors whose wording the real Cloud Tasks service fixes; clients and users match on them. */
public final class Errors {

    private Errors() {}

    public static ApiException queueNotFound() {
        return new ApiException(
                StatusCode.NOT_FOUND,
                "Queue does not exist. If you just created the queue, wait at least a minute for the queue to initialize.");
    }

    public static ApiException entityNotFound() {
        return new ApiException(StatusCode.NOT_FOUND, "Requested entity was not found.");
    }

    public static ApiException queueAlreadyExists() {
        return new ApiException(StatusCode.ALREADY_EXISTS, "Queue already exists");
    }

    public static ApiException taskAlreadyExists() {
        return new ApiException(StatusCode.ALREADY_EXISTS, "Requested entity already exists");
    }

    public static ApiException taskNameTooRecent() {
        return new ApiException(
                StatusCode.ALREADY_EXISTS,
                "The task cannot be created because a task with this name "
                        + "existed too recently. For more information about task de-duplication see "
                        + "https://cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.queues.tasks/create"
                        + "#body.request_body.FIELDS.task.");
    }

    public static ApiException taskGoneRecently() {
        return new ApiException(
                StatusCode.NOT_FOUND,
                "The task no longer exists, though a task with this name existed "
                        + "recently. The task either successfully completed or was deleted.");
    }

    public static ApiException queueNameTooRecent() {
        return new ApiException(
                StatusCode.FAILED_PRECONDITION,
                "The queue cannot be created because a queue with this name existed too recently.");
    }

    public static ApiException malformedQueueName() {
        return new ApiException(
                StatusCode.INVALID_ARGUMENT,
                "Queue name must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>/queues/<QUEUE_ID>\".",
                new ApiException.HelpLink(
                        "Definition of queue name",
                        "https://cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.queues#Queue.FIELDS.name"));
    }

    public static ApiException malformedParent() {
        return ApiException.invalidArgument(
                "Parent must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>\".");
    }

    public static ApiException malformedTaskId(String taskId) {
        return new ApiException(
                StatusCode.INVALID_ARGUMENT,
                "Task ID \"" + taskId + "\" can contain only letters ([A-Za-z]), "
                        + "numbers ([0-9]), hyphens (-), or underscores (_). Task ID must between 1 and 500 characters.",
                new ApiException.HelpLink(
                        "Definition of task ID",
                        "https://cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.queues.tasks#Task.FIELDS.name"));
    }

    public static ApiException taskInOtherQueue(String parent, String taskQueue) {
        return ApiException.invalidArgument("The queue name from request ('" + parent
                + "') must be the same as the queue name in the named task ('" + taskQueue + "').");
    }
}
