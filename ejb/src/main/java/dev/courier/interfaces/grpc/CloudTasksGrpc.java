package dev.courier.interfaces.grpc;

import com.google.cloud.location.GetLocationRequest;
import com.google.cloud.location.ListLocationsRequest;
import com.google.cloud.location.ListLocationsResponse;
import com.google.cloud.location.Location;
import com.google.cloud.tasks.v2.CreateQueueRequest;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.DeleteQueueRequest;
import com.google.cloud.tasks.v2.DeleteTaskRequest;
import com.google.cloud.tasks.v2.GetQueueRequest;
import com.google.cloud.tasks.v2.GetTaskRequest;
import com.google.cloud.tasks.v2.ListQueuesRequest;
import com.google.cloud.tasks.v2.ListQueuesResponse;
import com.google.cloud.tasks.v2.ListTasksRequest;
import com.google.cloud.tasks.v2.ListTasksResponse;
import com.google.cloud.tasks.v2.PauseQueueRequest;
import com.google.cloud.tasks.v2.PurgeQueueRequest;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.ResumeQueueRequest;
import com.google.cloud.tasks.v2.RunTaskRequest;
import com.google.cloud.tasks.v2.Task;
import com.google.cloud.tasks.v2.UpdateQueueRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.protobuf.Empty;
import dev.courier.application.IamService;
import dev.courier.application.LocationService;
import dev.courier.application.QueueService;
import dev.courier.application.TaskService;
import dev.courier.domain.ApiException;
import io.grpc.ServerServiceDefinition;

/**
 * The gRPC services, method by method: each unpacks its request and calls the application
 * service the REST API calls too, so both transports behave alike. BufferTask is REST-only, as
 * in Cloud Tasks.
 */
final class CloudTasksGrpc {

    private CloudTasksGrpc() {}

    static ServerServiceDefinition cloudTasks(QueueService queues, TaskService tasks, IamService iam) {
        return new UnaryMethods("google.cloud.tasks.v2.CloudTasks")
                .add(
                        "ListQueues",
                        ListQueuesRequest.getDefaultInstance(),
                        ListQueuesResponse.getDefaultInstance(),
                        r -> queues.list(r.getParent(), r.getFilter(), r.getPageSize(), r.getPageToken()))
                .add(
                        "GetQueue",
                        GetQueueRequest.getDefaultInstance(),
                        Queue.getDefaultInstance(),
                        r -> queues.get(r.getName()))
                .add(
                        "CreateQueue",
                        CreateQueueRequest.getDefaultInstance(),
                        Queue.getDefaultInstance(),
                        r -> queues.create(r.getParent(), r.getQueue()))
                .add("UpdateQueue", UpdateQueueRequest.getDefaultInstance(), Queue.getDefaultInstance(), r -> {
                    if (r.getQueue().getName().isEmpty()) {
                        throw ApiException.invalidArgument("Queue.name is required.");
                    }
                    return queues.update(r.getQueue(), r.getUpdateMask());
                })
                .add("DeleteQueue", DeleteQueueRequest.getDefaultInstance(), Empty.getDefaultInstance(), r -> {
                    queues.delete(r.getName());
                    return Empty.getDefaultInstance();
                })
                .add(
                        "PurgeQueue",
                        PurgeQueueRequest.getDefaultInstance(),
                        Queue.getDefaultInstance(),
                        r -> queues.purge(r.getName()))
                .add(
                        "PauseQueue",
                        PauseQueueRequest.getDefaultInstance(),
                        Queue.getDefaultInstance(),
                        r -> queues.pause(r.getName()))
                .add(
                        "ResumeQueue",
                        ResumeQueueRequest.getDefaultInstance(),
                        Queue.getDefaultInstance(),
                        r -> queues.resume(r.getName()))
                .add(
                        "GetIamPolicy",
                        GetIamPolicyRequest.getDefaultInstance(),
                        Policy.getDefaultInstance(),
                        r -> iam.get(r.getResource()))
                .add(
                        "SetIamPolicy",
                        SetIamPolicyRequest.getDefaultInstance(),
                        Policy.getDefaultInstance(),
                        r -> iam.set(r.getResource(), r.getPolicy()))
                .add(
                        "TestIamPermissions",
                        TestIamPermissionsRequest.getDefaultInstance(),
                        TestIamPermissionsResponse.getDefaultInstance(),
                        r -> iam.test(r.getResource(), r.getPermissionsList()))
                .add(
                        "ListTasks",
                        ListTasksRequest.getDefaultInstance(),
                        ListTasksResponse.getDefaultInstance(),
                        r -> tasks.list(r.getParent(), r.getResponseView(), r.getPageSize(), r.getPageToken()))
                .add(
                        "GetTask",
                        GetTaskRequest.getDefaultInstance(),
                        Task.getDefaultInstance(),
                        r -> tasks.get(r.getName(), r.getResponseView()))
                .add(
                        "CreateTask",
                        CreateTaskRequest.getDefaultInstance(),
                        Task.getDefaultInstance(),
                        r -> tasks.create(r.getParent(), r.getTask(), r.getResponseView()))
                .add("DeleteTask", DeleteTaskRequest.getDefaultInstance(), Empty.getDefaultInstance(), r -> {
                    tasks.delete(r.getName());
                    return Empty.getDefaultInstance();
                })
                .add(
                        "RunTask",
                        RunTaskRequest.getDefaultInstance(),
                        Task.getDefaultInstance(),
                        r -> tasks.run(r.getName(), r.getResponseView()))
                .build();
    }

    static ServerServiceDefinition locations(LocationService locations) {
        return new UnaryMethods("google.cloud.location.Locations")
                .add(
                        "GetLocation",
                        GetLocationRequest.getDefaultInstance(),
                        Location.getDefaultInstance(),
                        r -> locations.get(r.getName()))
                .add(
                        "ListLocations",
                        ListLocationsRequest.getDefaultInstance(),
                        ListLocationsResponse.getDefaultInstance(),
                        r -> locations.list(r.getName(), r.getPageSize(), r.getPageToken()))
                .build();
    }
}
