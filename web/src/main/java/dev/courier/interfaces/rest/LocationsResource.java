package dev.courier.interfaces.rest;

import dev.courier.application.LocationService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The location mixin: {@code /v2/projects/{project}/locations[/{location}]}. */
@RequestScoped
@Path("v2/projects/{project}/locations")
@Produces(MediaType.APPLICATION_JSON)
public class LocationsResource {

    @Inject
    LocationService locations;

    @PathParam("project")
    String project;

    @GET
    public String list(@QueryParam("pageSize") String pageSize, @QueryParam("pageToken") String pageToken) {
        return ProtoJson.print(locations.list("projects/" + project, QueryParams.pageSize(pageSize), pageToken));
    }

    @GET
    @Path("{location}")
    public String get(@PathParam("location") String location) {
        return ProtoJson.print(locations.get("projects/" + project + "/locations/" + location));
    }
}
