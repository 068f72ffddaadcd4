package dev.courier.interfaces.rest;

import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.RunTaskRequest;
import dev.courier.application.TaskService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/** Cloud Tasks tasks: {@code /v2/projects/{project}/locations/{location}/queues/{queue}/tasks}. */
@RequestScoped
@Path("v2/projects/{project}/locations/{location}/queues/{queue}/tasks")
@Produces(MediaType.APPLICATION_JSON)
public class TasksResource {

    @Inject
    TaskService tasks;

    @PathParam("project")
    String project;

    @PathParam("location")
    String location;

    @PathParam("queue")
    String queue;

    /** The body is a CreateTaskRequest without its parent: {@code {"task": {...}, "responseView": ...}}. */
    @POST
    public String create(String body) {
        CreateTaskRequest request =
                ProtoJson.parse(body, CreateTaskRequest.newBuilder()).build();
        return ProtoJson.print(tasks.create(queueName(), request.getTask(), request.getResponseView()));
    }

    @GET
    public String list(
            @QueryParam("responseView") String view,
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken) {
        return ProtoJson.print(
                tasks.list(queueName(), QueryParams.view(view), QueryParams.pageSize(pageSize), pageToken));
    }

    @GET
    @Path("{task}")
    public String get(@PathParam("task") String task, @QueryParam("responseView") String view) {
        return ProtoJson.print(tasks.get(queueName() + "/tasks/" + task, QueryParams.view(view)));
    }

    @DELETE
    @Path("{task}")
    public String delete(@PathParam("task") String task) {
        tasks.delete(queueName() + "/tasks/" + task);
        return "{}";
    }

    /** RunTask; the body may carry {@code responseView}. */
    @POST
    @Path("{task}:run")
    public String run(@PathParam("task") String task, String body) {
        RunTaskRequest request =
                ProtoJson.parse(body, RunTaskRequest.newBuilder()).build();
        return ProtoJson.print(tasks.run(queueName() + "/tasks/" + task, request.getResponseView()));
    }

    /** BufferTask with a task ID: the raw request body becomes the task's body. */
    @POST
    @Path("{task}:buffer")
    @Consumes(MediaType.WILDCARD)
    public String buffer(
            @PathParam("task") String task, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        return BufferResponses.print(tasks.buffer(queueName(), task, body, contentType));
    }

    private String queueName() {
        return "projects/" + project + "/locations/" + location + "/queues/" + queue;
    }
}
