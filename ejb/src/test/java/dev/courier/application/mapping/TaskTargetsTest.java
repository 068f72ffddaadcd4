package dev.courier.application.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2beta3.HttpTarget;
import com.google.cloud.tasks.v2beta3.PathOverride;
import com.google.cloud.tasks.v2beta3.QueryOverride;
import com.google.cloud.tasks.v2beta3.UriOverride;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.Test;

class TaskTargetsTest {

    private static final String URL = "https://worker.example:8443/jobs/run?a=1";

    @Test
    void alwaysModeReplacesEveryNamedPart() {
        UriOverride uri = UriOverride.newBuilder()
                .setScheme(UriOverride.Scheme.HTTP)
                .setHost("other.example")
                .setPort(8080)
                .setPathOverride(PathOverride.newBuilder().setPath("/v2/run"))
                .setQueryOverride(QueryOverride.newBuilder().setQueryParams("b=2"))
                .build();

        assertEquals("http://other.example:8080/v2/run?b=2", TaskTargets.overrideUrl(URL, uri));
    }

    @Test
    void alwaysModeKeepsPartsItDoesNotNameAndPortZeroClearsThePort() {
        UriOverride uri = UriOverride.newBuilder().setHost("h").setPort(0).build();

        assertEquals("https://h/jobs/run?a=1", TaskTargets.overrideUrl(URL, uri));
    }

    @Test
    void ifNotExistsModeOnlyFillsMissingParts() {
        UriOverride uri = UriOverride.newBuilder()
                .setUriOverrideEnforceMode(UriOverride.UriOverrideEnforceMode.IF_NOT_EXISTS)
                .setHost("ignored")
                .setPort(9000)
                .setPathOverride(PathOverride.newBuilder().setPath("/filled"))
                .setQueryOverride(QueryOverride.newBuilder().setQueryParams("q=1"))
                .build();

        assertEquals(URL, TaskTargets.overrideUrl(URL, uri));
        assertEquals("https://bare.example:9000/filled?q=1", TaskTargets.overrideUrl("https://bare.example", uri));
    }

    @Test
    void aGetOverrideDropsTheBodyAndHeaderOverridesReplaceCaseInsensitively() {
        HttpRequest request = HttpRequest.newBuilder()
                .setUrl(URL)
                .setHttpMethod(HttpMethod.POST)
                .setBody(ByteString.copyFromUtf8("payload"))
                .putHeaders("x-tenant", "task")
                .putHeaders("X-Keep", "k")
                .build();
        HttpTarget target = HttpTarget.newBuilder()
                .setHttpMethod(com.google.cloud.tasks.v2beta3.HttpMethod.GET)
                .addHeaderOverrides(HttpTarget.HeaderOverride.newBuilder()
                        .setHeader(HttpTarget.Header.newBuilder()
                                .setKey("X-Tenant")
                                .setValue("queue")))
                .build();

        HttpRequest applied = TaskTargets.apply(request, target);

        assertEquals(HttpMethod.GET, applied.getHttpMethod());
        assertTrue(applied.getBody().isEmpty());
        assertEquals("queue", applied.getHeadersMap().get("X-Tenant"));
        assertEquals("k", applied.getHeadersMap().get("X-Keep"));
        assertEquals(2, applied.getHeadersCount());
    }

    @Test
    void bufferUrlsDefaultToHttpsAndTheRootPath() {
        assertEquals(
                "https://h.example/",
                TaskTargets.bufferUrl(
                        UriOverride.newBuilder().setHost("h.example").build()));
        assertEquals(
                "http://h:81/in?x=1",
                TaskTargets.bufferUrl(UriOverride.newBuilder()
                        .setHost("h")
                        .setScheme(UriOverride.Scheme.HTTP)
                        .setPort(81)
                        .setPathOverride(PathOverride.newBuilder().setPath("/in"))
                        .setQueryOverride(QueryOverride.newBuilder().setQueryParams("x=1"))
                        .build()));
    }
}
