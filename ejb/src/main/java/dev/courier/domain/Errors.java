package dev.courier.domain;

/** The errors whose wording the real Cloud Tasks service fixes; clients and users match on them. */
public final class Errors {

    private Errors() {
    }

    public static ApiException queueNotFound() {
        return new ApiException(StatusCode.NOT_FOUND,
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

    public static ApiException malformedQueueName() {
        return new ApiException(StatusCode.INVALID_ARGUMENT,
                "Queue name must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>/queues/<QUEUE_ID>\".",
                new ApiException.HelpLink("Definition of queue name",
                        "https://cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.queues#Queue.FIELDS.name"));
    }

    public static ApiException malformedParent() {
        return ApiException.invalidArgument(
                "Parent must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>\".");
    }

    public static ApiException malformedTaskId(String taskId) {
        return new ApiException(StatusCode.INVALID_ARGUMENT, "Task ID \"" + taskId + "\" can contain only letters ([A-Za-z]), "
                + "numbers ([0-9]), hyphens (-), or underscores (_). Task ID must between 1 and 500 characters.",
                new ApiException.HelpLink("Definition of task ID",
                        "https://cloud.google.com/tasks/docs/reference/rest/v2/projects.locations.queues.tasks#Task.FIELDS.name"));
    }

    public static ApiException taskInOtherQueue(String parent, String taskQueue) {
        return ApiException.invalidArgument("The queue name from request ('" + parent
                + "') must be the same as the queue name in the named task ('" + taskQueue + "').");
    }
}
