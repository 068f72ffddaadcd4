package dev.courier.application;

import com.google.cloud.location.ListLocationsResponse;
import com.google.cloud.location.Location;
import dev.courier.application.mapping.PageToken;
import dev.courier.domain.ApiException;
import dev.courier.infrastructure.persistence.QueueRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The location mixin. Any location is usable; ListLocations reports the configured ones and
 * every location that holds a queue.
 */
@Stateless
public class LocationService {

    private static final Pattern PROJECT = Pattern.compile("projects/([A-Za-z0-9:.-]+)");
    private static final Pattern LOCATION = Pattern.compile("projects/([A-Za-z0-9:.-]+)/locations/([A-Za-z0-9-]+)");
    static final int MAX_PAGE_SIZE = 1000;

    @Inject
    QueueRepository queues;

    @Inject
    @ConfigProperty(name = "courier.locations")
    List<String> configuredLocations;

    public Location get(String name) {
        var m = LOCATION.matcher(name);
        if (!m.matches()) {
            throw ApiException.invalidArgument(
                    "Location name must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>\".");
        }
        return location(m.group(1), m.group(2));
    }

    public ListLocationsResponse list(String projectName, int pageSize, String pageToken) {
        var m = PROJECT.matcher(projectName);
        if (!m.matches()) {
            throw ApiException.invalidArgument("Project name must be formatted: \"projects/<PROJECT_ID>\".");
        }
        TreeSet<String> ids = new TreeSet<>(configuredLocations);
        ids.addAll(queues.locationsOf(m.group(1)));
        int size = PageToken.size(pageSize, MAX_PAGE_SIZE);
        List<String> page = ids.tailSet(PageToken.decode(pageToken), false).stream()
                .limit(size + 1L)
                .toList();
        ListLocationsResponse.Builder response = ListLocationsResponse.newBuilder();
        page.stream().limit(size).forEach(id -> response.addLocations(location(m.group(1), id)));
        if (page.size() > size) {
            response.setNextPageToken(PageToken.encode(page.get(size - 1)));
        }
        return response.build();
    }

    private static Location location(String project, String id) {
        return Location.newBuilder()
                .setName("projects/" + project + "/locations/" + id)
                .setLocationId(id)
                .build();
    }
}
