package dev.courier.logging;

import static org.jboss.logging.Logger.Level.DEBUG;
import static org.jboss.logging.Logger.Level.ERROR;
import static org.jboss.logging.Logger.Level.INFO;
import static org.jboss.logging.Logger.Level.WARN;

import java.lang.invoke.MethodHandles;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.BasicLogger;
import org.jboss.logging.Logger;
import org.jboss.logging.annotations.Cause;
import org.jboss.logging.annotations.LogMessage;
import org.jboss.logging.annotations.Message;
import org.jboss.logging.annotations.MessageLogger;

/**
 * Every message Courier logs, each with a stable id ({@code COURIER000nnn}) that operators can
 * search for and alert on, as WildFly and Artemis do. Ids are never reused: a message that is
 * dropped leaves a gap. Ranges: 1-19 the server (schema, gRPC), 20-39 queues, 40-69 tasks and
 * dispatch, 70-89 failures and timers. Task messages carry the queue, the task and the attempt.
 */
@MessageLogger(projectCode = "COURIER", length = 6)
public interface CourierLogger extends BasicLogger {

    CourierLogger LOG = Logger.getMessageLogger(MethodHandles.lookup(), CourierLogger.class, "dev.courier");

    // The server

    @LogMessage(level = INFO)
    @Message(id = 1, value = "Courier schema is at version %d")
    void schemaAtVersion(int version);

    @LogMessage(level = INFO)
    @Message(id = 2, value = "Applying schema migration %s")
    void applyingMigration(String script);

    @LogMessage(level = INFO)
    @Message(id = 3, value = "Cloud Tasks gRPC API listening on port %d (%s)")
    void grpcListening(int port, String transport);

    // Queues

    @LogMessage(level = INFO)
    @Message(id = 20, value = "Queue %s created")
    void queueCreated(Object queue);

    @LogMessage(level = INFO)
    @Message(id = 21, value = "Queue %s updated (%s)")
    void queueUpdated(Object queue, Object fields);

    @LogMessage(level = INFO)
    @Message(id = 22, value = "Queue %s deleted with %d tasks")
    void queueDeleted(String queue, int tasks);

    @LogMessage(level = INFO)
    @Message(id = 23, value = "Queue %s paused")
    void queuePaused(String queue);

    @LogMessage(level = INFO)
    @Message(id = 24, value = "Queue %s resumed")
    void queueResumed(String queue);

    @LogMessage(level = INFO)
    @Message(id = 25, value = "Queue %s purged, %d tasks deleted")
    void queuePurged(String queue, int tasks);

    // Tasks and dispatch

    @LogMessage(level = DEBUG)
    @Message(id = 40, value = "Task %s/tasks/%s created, due %s")
    void taskCreated(String queue, String task, Instant due);

    @LogMessage(level = DEBUG)
    @Message(id = 41, value = "Task %s deleted")
    void taskDeleted(String task);

    @LogMessage(level = DEBUG)
    @Message(id = 42, value = "Task %s forced to run")
    void taskForced(String task);

    @LogMessage(level = DEBUG)
    @Message(id = 43, value = "Dropping stale dispatch message for row %d generation %d")
    void staleMessage(long taskRowId, long generation);

    @LogMessage(level = DEBUG)
    @Message(id = 44, value = "Task %s/tasks/%s is held until its queue resumes")
    void heldWhilePaused(String queue, String task);

    @LogMessage(level = DEBUG)
    @Message(id = 45, value = "Dispatching %s/tasks/%s attempt %d")
    void dispatching(String queue, String task, int attempt);

    @LogMessage(level = DEBUG)
    @Message(id = 46, value = "Task %s/tasks/%s succeeded on attempt %d")
    void taskSucceeded(String queue, String task, int attempt);

    @LogMessage(level = DEBUG)
    @Message(id = 47, value = "Task %s/tasks/%s attempt %d failed (%s); retry at %s")
    void attemptFailed(String queue, String task, int attempt, String detail, Instant retryAt);

    @LogMessage(level = INFO)
    @Message(id = 48, value = "Task %s/tasks/%s failed permanently after attempt %d (%s)")
    void taskGivenUp(String queue, String task, int attempt, String detail);

    @LogMessage(level = WARN)
    @Message(
            id = 49,
            value = "Sweeper re-enqueues %d tasks whose message was overdue by more than %s and %d whose "
                    + "attempt's lease expired")
    void swept(int lostMessages, Duration grace, int lostAttempts);

    @LogMessage(level = INFO)
    @Message(id = 51, value = "%d attempts were in flight when the server last stopped; their tasks run again")
    void attemptsRecovered(int attempts);

    @LogMessage(level = DEBUG)
    @Message(id = 50, value = "Removed %d expired name tombstones")
    void tombstonesRemoved(int removed);

    // Failures and timers

    @LogMessage(level = WARN)
    @Message(id = 70, value = "Database unavailable: %s")
    void databaseUnavailable(String failure);

    @LogMessage(level = ERROR)
    @Message(id = 71, value = "Unexpected error, incident %s")
    void unexpectedError(String incident, @Cause Throwable cause);

    @LogMessage(level = DEBUG)
    @Message(id = 72, value = "A batch of %d %s writes failed; each is retried alone")
    void batchFailed(int writes, String batch, @Cause Throwable cause);

    @LogMessage(level = WARN)
    @Message(id = 73, value = "Backlog timer failed; it retries every second and logs again once it has recovered")
    void backlogTimerFailed(@Cause Throwable cause);

    @LogMessage(level = DEBUG)
    @Message(id = 74, value = "Backlog timer failed again: %s")
    void backlogTimerFailedAgain(String failure);

    @LogMessage(level = INFO)
    @Message(id = 75, value = "Backlog timer recovered after %d failed ticks")
    void backlogTimerRecovered(int failedTicks);

    @LogMessage(level = WARN)
    @Message(id = 76, value = "Outcome of %s/tasks/%s attempt %d not recorded (%s); trying again in %s")
    void outcomeNotRecorded(String queue, String task, int attempt, String failure, Duration delay);

    @LogMessage(level = ERROR)
    @Message(
            id = 77,
            value = "Outcome of %s/tasks/%s attempt %d could not be recorded; the task runs again when the "
                    + "attempt's lease expires")
    void outcomeLost(String queue, String task, int attempt, @Cause Throwable cause);
}
