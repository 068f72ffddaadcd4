package dev.courier.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.Queue;
import com.google.cloud.tasks.v2.Task;
import dev.courier.domain.ApiException;
import dev.courier.domain.StatusCode;
import org.junit.jupiter.api.Test;

class ProtoJsonTest {

    @Test
    void readsCamelCaseAndSnakeCaseNamesAndEnumsByNameOrNumber() {
        Queue camel = ProtoJson.parse(
                        "{\"name\":\"n\",\"rateLimits\":{\"maxDispatchesPerSecond\":7}}", Queue.newBuilder())
                .build();
        Queue snake = ProtoJson.parse(
                        "{\"name\":\"n\",\"rate_limits\":{\"max_dispatches_per_second\":7}}", Queue.newBuilder())
                .build();
        assertEquals(camel, snake);

        CreateTaskRequest byNumber = ProtoJson.parse(
                        "{\"task\":{\"httpRequest\":{\"httpMethod\":4}},\"responseView\":2}",
                        CreateTaskRequest.newBuilder())
                .build();
        CreateTaskRequest byName = ProtoJson.parse(
                        "{\"task\":{\"httpRequest\":{\"httpMethod\":\"PUT\"}},\"responseView\":\"FULL\"}",
                        CreateTaskRequest.newBuilder())
                .build();
        assertEquals(byName, byNumber);
        assertEquals(HttpMethod.PUT, byName.getTask().getHttpRequest().getHttpMethod());
        assertEquals(Task.View.FULL, byName.getResponseView());
    }

    @Test
    void readsStandardAndUrlSafeBase64Bodies() {
        String standard = "{\"httpRequest\":{\"body\":\"+/8=\"}}";
        String urlSafe = "{\"httpRequest\":{\"body\":\"-_8=\"}}";

        assertEquals(
                ProtoJson.parse(standard, Task.newBuilder()).build(),
                ProtoJson.parse(urlSafe, Task.newBuilder()).build());
    }

    @Test
    void refusesUnknownFieldsAndMalformedJsonAsInvalidArgument() {
        ApiException unknown =
                assertThrows(ApiException.class, () -> ProtoJson.parse("{\"nme\":\"x\"}", Queue.newBuilder()));
        assertEquals(StatusCode.INVALID_ARGUMENT, unknown.code());
        assertTrue(unknown.getMessage().startsWith("Invalid JSON payload received."), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("nme"), unknown.getMessage());

        ApiException malformed =
                assertThrows(ApiException.class, () -> ProtoJson.parse("{\"name\":", Queue.newBuilder()));
        assertEquals(StatusCode.INVALID_ARGUMENT, malformed.code());
        assertTrue(!malformed.getMessage().contains("java."), malformed.getMessage());
    }

    @Test
    void anEmptyBodyIsTheEmptyMessage() {
        assertEquals(
                Queue.getDefaultInstance(),
                ProtoJson.parse("", Queue.newBuilder()).build());
    }

    @Test
    void printsCamelCaseWithoutDefaultsAndDurationsInSeconds() {
        Task task = Task.newBuilder()
                .setName("t")
                .setDispatchDeadline(
                        com.google.protobuf.Duration.newBuilder().setSeconds(3).setNanos(500_000_000))
                .build();

        assertEquals("{\"name\":\"t\",\"dispatchDeadline\":\"3.500s\"}", ProtoJson.print(task));
    }
}
