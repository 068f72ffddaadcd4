package dev.courier.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.ByteString;
import dev.courier.application.mapping.ProtoTime;
import dev.courier.domain.ApiException;
import dev.courier.domain.StatusCode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class NewTaskTest {

    private static final String QUEUE = "projects/p/locations/l/queues/q";
    private final Clock clock = Clock.fixed(Instant.parse("2026-05-01T10:00:00.123456789Z"), ZoneOffset.UTC);

    private static Task.Builder task(String url) {
        return Task.newBuilder().setHttpRequest(HttpRequest.newBuilder().setUrl(url));
    }

    private String refusal(Task.Builder task) {
        ApiException e = assertThrows(ApiException.class, () -> NewTask.of(QUEUE, task.build(), clock.instant()));
        assertEquals(StatusCode.INVALID_ARGUMENT, e.code());
        return e.getMessage();
    }

    @Test
    void appliesTheServiceDefaults() {
        NewTask created = NewTask.of(QUEUE, task("https://example.com/h").build(), clock.instant());

        assertNull(created.taskId());
        assertEquals(HttpMethod.POST, created.httpRequest().getHttpMethod());
        assertEquals("Google-Cloud-Tasks", created.httpRequest().getHeadersMap().get("User-Agent"));
        assertEquals(Duration.ofMinutes(10), created.dispatchDeadline());
        assertEquals(Instant.parse("2026-05-01T10:00:00.123456Z"), created.scheduleTime(), "now, in microseconds");
    }

    @Test
    void replacesTheCallersUserAgent() {
        Task.Builder t = task("http://w/");
        t.getHttpRequestBuilder().putHeaders("user-agent", "curl/8").putHeaders("X-A", "1");

        HttpRequest request = NewTask.of(QUEUE, t.build(), clock.instant()).httpRequest();

        assertEquals(2, request.getHeadersCount());
        assertEquals("1", request.getHeadersMap().get("X-A"));
        assertEquals("Google-Cloud-Tasks", request.getHeadersMap().get("User-Agent"));
    }

    @Test
    void takesTheIdFromTheNameWhenItIsInTheParentQueue() {
        Task t = task("http://w/").setName(QUEUE + "/tasks/my_task").build();

        assertEquals("my_task", NewTask.of(QUEUE, t, clock.instant()).taskId());
    }

    @Test
    void refusesANameInAnotherQueue() {
        assertEquals(
                "The queue name from request ('" + QUEUE + "') must be the same as the queue name in the named task "
                        + "('projects/p/locations/l/queues/other').",
                refusal(task("http://w/").setName("projects/p/locations/l/queues/other/tasks/t")));
    }

    @Test
    void refusesMissingOrNonHttpUrls() {
        assertEquals("Task.httpRequest is required.", refusal(Task.newBuilder()));
        assertEquals("HttpRequest.url is required.", refusal(task("")));
        assertEquals("HttpTarget.url must start with 'http://' or 'https://'.", refusal(task("ftp://files/x")));
        refusal(task("http://w/" + "a".repeat(2100)));
    }

    @Test
    void allowsABodyOnlyForPostPutAndPatch() {
        Task.Builder get = task("http://w/");
        get.getHttpRequestBuilder().setHttpMethod(HttpMethod.GET).setBody(ByteString.copyFromUtf8("x"));
        refusal(get);

        Task.Builder put = task("http://w/");
        put.getHttpRequestBuilder().setHttpMethod(HttpMethod.PUT).setBody(ByteString.copyFromUtf8("x"));
        assertEquals(
                "x",
                NewTask.of(QUEUE, put.build(), clock.instant())
                        .httpRequest()
                        .getBody()
                        .toStringUtf8());
    }

    @Test
    void movesAPastScheduleTimeToNowAndRefusesMoreThanThirtyDaysAhead() {
        Instant now = clock.instant();
        Task past = task("http://w/")
                .setScheduleTime(ProtoTime.timestamp(now.minusSeconds(3600)))
                .build();
        assertEquals(
                now.truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                NewTask.of(QUEUE, past, now).scheduleTime());

        Task inThirtyDays = task("http://w/")
                .setScheduleTime(ProtoTime.timestamp(now.plus(Duration.ofDays(30))))
                .build();
        assertEquals(
                now.plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                NewTask.of(QUEUE, inThirtyDays, now).scheduleTime());

        assertEquals(
                "Task.scheduleTime must be at most 30 days in the future.",
                refusal(task("http://w/")
                        .setScheduleTime(ProtoTime.timestamp(
                                now.plus(Duration.ofDays(30)).plusSeconds(1)))));
    }

    @Test
    void keepsTheDispatchDeadlineBetweenFifteenSecondsAndThirtyMinutes() {
        refusal(task("http://w/").setDispatchDeadline(ProtoTime.duration(Duration.ofSeconds(14))));
        refusal(task("http://w/")
                .setDispatchDeadline(ProtoTime.duration(Duration.ofMinutes(30).plusSeconds(1))));
        assertEquals(
                Duration.ofMinutes(30),
                NewTask.of(
                                QUEUE,
                                task("http://w/")
                                        .setDispatchDeadline(ProtoTime.duration(Duration.ofMinutes(30)))
                                        .build(),
                                clock.instant())
                        .dispatchDeadline());
    }

    @Test
    void refusesTasksLargerThanOneMebibyte() {
        Task.Builder big = task("http://w/");
        big.getHttpRequestBuilder().setBody(ByteString.copyFrom(new byte[1024 * 1024]));
        assertEquals(true, refusal(big).startsWith("Task size is"));

        Task.Builder fits = task("http://w/");
        fits.getHttpRequestBuilder().setBody(ByteString.copyFrom(new byte[1024 * 1024 - 200]));
        assertEquals(
                1024 * 1024 - 200,
                NewTask.of(QUEUE, fits.build(), clock.instant())
                        .httpRequest()
                        .getBody()
                        .size());
    }
}
