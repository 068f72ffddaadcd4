package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DispatchHeadersTest {

    private static final Instant ETA = Instant.parse("2022-10-25T04:07:35.329624Z");

    @Test
    void firstAttemptCarriesTheServiceHeadersButNoPreviousResponse() {
        Map<String, String> headers =
                DispatchHeaders.of(Map.of("Content-Type", "application/json"), "my-queue", "t1", 0, 0, ETA, null);

        assertEquals("application/json", headers.get("Content-Type"));
        assertEquals("Google-Cloud-Tasks", headers.get("User-Agent"));
        assertEquals("my-queue", headers.get("X-CloudTasks-QueueName"));
        assertEquals("t1", headers.get("X-CloudTasks-TaskName"));
        assertEquals("0", headers.get("X-CloudTasks-TaskRetryCount"));
        assertEquals("0", headers.get("X-CloudTasks-TaskExecutionCount"));
        assertEquals("1666670855.329624", headers.get("X-CloudTasks-TaskETA"));
        assertFalse(headers.containsKey("X-CloudTasks-TaskPreviousResponse"));
        assertFalse(headers.containsKey("X-CloudTasks-TaskRetryReason"));
    }

    @Test
    void retriesReportThePreviousResponseAndAnEmptyRetryReason() {
        Map<String, String> headers = DispatchHeaders.of(Map.of(), "q", "t", 2, 1, ETA, 503);

        assertEquals("2", headers.get("X-CloudTasks-TaskRetryCount"));
        assertEquals("1", headers.get("X-CloudTasks-TaskExecutionCount"));
        assertEquals("503", headers.get("X-CloudTasks-TaskPreviousResponse"));
        assertEquals("", headers.get("X-CloudTasks-TaskRetryReason"));
    }

    @Test
    void callerCannotSetReservedHeaders() {
        Map<String, String> caller = new LinkedHashMap<>();
        caller.put("x-cloudtasks-queuename", "spoofed");
        caller.put("X-Google-Foo", "x");
        caller.put("X-AppEngine-Bar", "x");
        caller.put("user-agent", "curl");
        caller.put("Host", "elsewhere");
        caller.put("X-Custom", "kept");

        Map<String, String> headers = DispatchHeaders.of(caller, "q", "t", 0, 0, ETA, null);

        assertEquals("kept", headers.get("X-Custom"));
        assertEquals("q", headers.get("X-CloudTasks-QueueName"));
        assertFalse(headers.containsKey("x-cloudtasks-queuename"));
        assertFalse(headers.containsKey("X-Google-Foo"));
        assertFalse(headers.containsKey("X-AppEngine-Bar"));
        assertFalse(headers.containsKey("user-agent"));
        assertFalse(headers.containsKey("Host"));
    }

    @Test
    void etaKeepsMicrosecondsWithLeadingZeros() {
        assertEquals("1.000005", DispatchHeaders.epochSeconds(Instant.ofEpochSecond(1, 5_000)));
    }
}
