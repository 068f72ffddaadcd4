package dev.courier.interfaces.rest;

import com.google.cloud.tasks.v2.CreateTaskRequest;
import dev.courier.application.TaskService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
        CreateTaskRequest request = ProtoJson.parse(body, CreateTaskRequest.newBuilder()).build();
        return ProtoJson.print(tasks.create(queueName(), request.getTask(), request.getResponseView()));
    }

    @GET
    public String list(@QueryParam("responseView") String view, @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken) {
        return ProtoJson.print(tasks.list(queueName(), QueryParams.view(view), QueryParams.pageSize(pageSize), pageToken));
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

    private String queueName() {
        return "projects/" + project + "/locations/" + location + "/queues/" + queue;
    }
}
