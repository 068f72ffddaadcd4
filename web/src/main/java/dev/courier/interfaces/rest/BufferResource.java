package dev.courier.interfaces.rest;

import dev.courier.application.TaskService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * BufferTask without a task ID ({@code .../queues/{queue}/tasks:buffer}): REST only, as in Cloud
 * Tasks. The raw request body becomes the body of a task routed by the queue's httpTarget.
 */
@RequestScoped
@Path("v2/projects/{project}/locations/{location}/queues/{queue}/tasks:buffer")
@Produces(MediaType.APPLICATION_JSON)
public class BufferResource {

    @Inject
    TaskService tasks;

    @POST
    @Consumes(MediaType.WILDCARD)
    public String buffer(
            @PathParam("project") String project,
            @PathParam("location") String location,
            @PathParam("queue") String queue,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            byte[] body) {
        String queueName = "projects/" + project + "/locations/" + location + "/queues/" + queue;
        return BufferResponses.print(tasks.buffer(queueName, null, body, contentType));
    }
}
