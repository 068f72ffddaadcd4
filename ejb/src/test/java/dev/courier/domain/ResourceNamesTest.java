package dev.courier.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ResourceNamesTest {

    @Test
    void parsesAQueueNameIntoItsParts() {
        QueueName name = QueueName.parse("projects/my-proj:x.y/locations/us-central1/queues/q-1");

        assertEquals("my-proj:x.y", name.project());
        assertEquals("us-central1", name.location());
        assertEquals("q-1", name.queueId());
        assertEquals("projects/my-proj:x.y/locations/us-central1", name.parent());
        assertEquals("projects/my-proj:x.y/locations/us-central1/queues/q-1", name.toString());
    }

    @Test
    void refusesMalformedQueueNamesWithTheSpecMessage() {
        for (String bad : new String[] {
            "",
            "queues/q",
            "projects/p/locations/l/queues/under_score",
            "projects/p/locations/l/queues/" + "a".repeat(101),
            "projects/p/locations/l/queues/q/extra"
        }) {
            ApiException e = assertThrows(ApiException.class, () -> QueueName.parse(bad), bad);
            assertEquals(StatusCode.INVALID_ARGUMENT, e.code());
            assertEquals(
                    "Queue name must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>/queues/<QUEUE_ID>\".",
                    e.getMessage());
        }
    }

    @Test
    void acceptsQueueIdsOfOneHundredCharacters() {
        assertEquals(
                100,
                QueueName.parse("projects/p/locations/l/queues/" + "a".repeat(100))
                        .queueId()
                        .length());
    }

    @Test
    void parsesATaskNameWithUnderscoresInItsId() {
        TaskName name = TaskName.parse("projects/p/locations/l/queues/q/tasks/task_1-A");

        assertEquals("q", name.queue().queueId());
        assertEquals("task_1-A", name.taskId());
    }

    @Test
    void refusesBadTaskIdsWithTheSpecMessage() {
        ApiException e =
                assertThrows(ApiException.class, () -> TaskName.parse("projects/p/locations/l/queues/q/tasks/a.b"));

        assertEquals(
                "Task ID \"a.b\" can contain only letters ([A-Za-z]), numbers ([0-9]), hyphens (-), or underscores (_). "
                        + "Task ID must between 1 and 500 characters.",
                e.getMessage());
        assertThrows(
                ApiException.class, () -> TaskName.parse("projects/p/locations/l/queues/q/tasks/" + "x".repeat(501)));
        assertThrows(ApiException.class, () -> TaskName.parse("projects/p/locations/l/queues/q/tasks/"));
    }

    @Test
    void checksParents() {
        assertEquals("projects/p/locations/l", QueueName.requireParent("projects/p/locations/l"));
        assertThrows(ApiException.class, () -> QueueName.requireParent("projects/p"));
    }

    @Test
    void generatedTaskIdsAreTwentyDigitsAndDistinct() {
        String a = TaskIds.next();
        String b = TaskIds.next();

        assertEquals(20, a.length());
        assertEquals(true, a.chars().allMatch(Character::isDigit));
        assertEquals(false, a.equals(b));
    }
}
