package dev.courier.interfaces.rest;

import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.protobuf.util.FieldMaskUtil;
import dev.courier.application.IamService;
import dev.courier.application.QueueService;
import dev.courier.domain.ApiException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

    @Inject
    IamService iam;

    @PathParam("project")
    String project;

    @PathParam("location")
    String location;

    @POST
    public String create(String body) {
        return QueueJson.print(queues.create(parent(), QueueJson.parse(body)));
    }

    @GET
    public String list(
            @QueryParam("filter") String filter,
            @QueryParam("pageSize") String pageSize,
            @QueryParam("pageToken") String pageToken) {
        return QueueJson.print(queues.list(parent(), filter, QueryParams.pageSize(pageSize), pageToken));
    }

    @GET
    @Path("{queue}")
    public String get(@PathParam("queue") String queue) {
        return QueueJson.print(queues.get(name(queue)));
    }

    /** UpdateQueue; the name in the body is optional (Node's client leaves it out) but must match. */
    @PATCH
    @Path("{queue}")
    public String update(@PathParam("queue") String queue, @QueryParam("updateMask") String updateMask, String body) {
        var request = QueueJson.parse(body);
        if (!request.getName().isEmpty() && !request.getName().equals(name(queue))) {
            throw ApiException.invalidArgument("Queue.name in the body must match the queue in the path.");
        }
        var mask = updateMask == null || updateMask.isBlank()
                ? com.google.protobuf.FieldMask.getDefaultInstance()
                : FieldMaskUtil.fromJsonString(updateMask.replace(" ", ""));
        return QueueJson.print(
                queues.update(request.toBuilder().setName(name(queue)).build(), mask));
    }

    @DELETE
    @Path("{queue}")
    public String delete(@PathParam("queue") String queue) {
        queues.delete(name(queue));
        return "{}";
    }

    @POST
    @Path("{queue}:pause")
    public String pause(@PathParam("queue") String queue) {
        return QueueJson.print(queues.pause(name(queue)));
    }

    @POST
    @Path("{queue}:resume")
    public String resume(@PathParam("queue") String queue) {
        return QueueJson.print(queues.resume(name(queue)));
    }

    @POST
    @Path("{queue}:purge")
    public String purge(@PathParam("queue") String queue) {
        return QueueJson.print(queues.purge(name(queue)));
    }

    @POST
    @Path("{queue}:getIamPolicy")
    public String getIamPolicy(@PathParam("queue") String queue, String body) {
        ProtoJson.parse(body, GetIamPolicyRequest.newBuilder());
        return ProtoJson.print(iam.get(name(queue)));
    }

    @POST
    @Path("{queue}:setIamPolicy")
    public String setIamPolicy(@PathParam("queue") String queue, String body) {
        SetIamPolicyRequest request =
                ProtoJson.parse(body, SetIamPolicyRequest.newBuilder()).build();
        return ProtoJson.print(iam.set(name(queue), request.getPolicy()));
    }

    @POST
    @Path("{queue}:testIamPermissions")
    public String testIamPermissions(@PathParam("queue") String queue, String body) {
        TestIamPermissionsRequest request =
                ProtoJson.parse(body, TestIamPermissionsRequest.newBuilder()).build();
        return ProtoJson.print(iam.test(name(queue), request.getPermissionsList()));
    }

    private String parent() {
        return "projects/" + project + "/locations/" + location;
    }

    private String name(String queue) {
        return parent() + "/queues/" + queue;
    }
}
