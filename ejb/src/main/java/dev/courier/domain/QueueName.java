package dev.courier.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code projects/{project}/locations/{location}/queues/{queueId}}, validated. */
public record QueueName(String project, String location, String queueId) {

    static final String PROJECT = "[A-Za-z0-9:.-]+";
    static final String LOCATION = "[A-Za-z0-9-]+";
    static final String QUEUE_ID = "[A-Za-z0-9-]{1,100}";

    private static final Pattern FULL =
            Pattern.compile("projects/(" + PROJECT + ")/locations/(" + LOCATION + ")/queues/(" + QUEUE_ID + ")");
    private static final Pattern PARENT = Pattern.compile("projects/(" + PROJECT + ")/locations/(" + LOCATION + ")");

    public QueueName {
        if (!FULL.matcher(format(project, location, queueId)).matches()) {
            throw Errors.malformedQueueName();
        }
    }

    /** Parses a full queue name; a malformed one is INVALID_ARGUMENT with the spec's message. */
    public static QueueName parse(String name) {
        Matcher m = FULL.matcher(name == null ? "" : name);
        if (!m.matches()) {
            throw Errors.malformedQueueName();
        }
        return new QueueName(m.group(1), m.group(2), m.group(3));
    }

    /** Checks a {@code projects/{project}/locations/{location}} parent and returns it unchanged. */
    public static String requireParent(String parent) {
        if (parent == null || !PARENT.matcher(parent).matches()) {
            throw Errors.malformedParent();
        }
        return parent;
    }

    public String parent() {
        return "projects/" + project + "/locations/" + location;
    }

    @Override
    public String toString() {
        return format(project, location, queueId);
    }

    private static String format(String project, String location, String queueId) {
        return "projects/" + project + "/locations/" + location + "/queues/" + queueId;
    }
}
