package dev.courier.interfaces.rest;

import com.google.cloud.tasks.v2.Queue;
import dev.courier.application.QueueService;
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

/** Cloud Tasks queues: {@code /v2/projects/{project}/locations/{location}/queues}. */
@RequestScoped
@Path("v2/projects/{project}/locations/{location}/queues")
@Produces(MediaType.APPLICATION_JSON)
public class QueuesResource {

    @Inject
    QueueService queues;

    @PathParam("project")
    String project;
    @PathParam("location")
    String location;

    @POST
    public String create(String body) {
        return ProtoJson.print(queues.create(parent(), ProtoJson.parse(body, Queue.newBuilder()).build()));
    }

    @GET
    public String list(@QueryParam("filter") String filter, @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken) {
        return ProtoJson.print(queues.list(parent(), filter, QueryParams.pageSize(pageSize), pageToken));
    }

    @GET
    @Path("{queue}")
    public String get(@PathParam("queue") String queue) {
        return ProtoJson.print(queues.get(parent() + "/queues/" + queue));
    }

    @DELETE
    @Path("{queue}")
    public String delete(@PathParam("queue") String queue) {
        queues.delete(parent() + "/queues/" + queue);
        return "{}";
    }

    private String parent() {
        return "projects/" + project + "/locations/" + location;
    }
}
