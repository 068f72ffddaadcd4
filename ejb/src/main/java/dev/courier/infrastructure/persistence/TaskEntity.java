package dev.courier.infrastructure.persistence;

import dev.courier.domain.AttemptResult;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A task as stored: its HTTP request (protobuf-encoded, exactly as accepted), its schedule, and
 * the record of its attempts. The {@code generation} names the one message that may dispatch it.
 */
@Entity
@Table(name = "courier_task")
public class TaskEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "courierTaskSeq")
    @SequenceGenerator(name = "courierTaskSeq", sequenceName = "courier_task_seq", allocationSize = 50)
    private Long id;

    @Column(name = "queue_name")
    private String queueName;

    @Column(name = "task_id")
    private String taskId;

    @Column(name = "http_request")
    private byte[] httpRequest;

    @Column(name = "schedule_time")
    private Instant scheduleTime;

    @Column(name = "create_time")
    private Instant createTime;

    @Column(name = "dispatch_deadline_ms")
    private long dispatchDeadlineMillis;

    private long generation;

    @Column(name = "dispatch_count")
    private int dispatchCount;

    @Column(name = "response_count")
    private int responseCount;

    @Column(name = "execution_count")
    private int executionCount;

    @Column(name = "first_attempt_dispatch_time")
    private Instant firstAttemptDispatchTime;

    @Column(name = "last_attempt_schedule_time")
    private Instant lastAttemptScheduleTime;

    @Column(name = "last_attempt_dispatch_time")
    private Instant lastAttemptDispatchTime;

    @Column(name = "last_attempt_response_time")
    private Instant lastAttemptResponseTime;

    @Column(name = "last_attempt_status_code")
    private Integer lastAttemptStatusCode;

    @Column(name = "last_attempt_status_message")
    private String lastAttemptStatusMessage;

    @Column(name = "last_http_status")
    private Integer lastHttpStatus;

    @Column(name = "lease_expire_time")
    private Instant leaseExpireTime;
    /** Waiting, without a message, for room in flight in its queue (see WaitingTasks). */
    @Column(name = "waiting_for_slot")
    private boolean waiting;
    /** Kept in the database without a message until the promoter finds it a dispatch slot. */
    private boolean held;
    /** When the task's live message is due; the sweeper re-enqueues a task whose message is long overdue. */
    @Column(name = "message_time")
    private Instant messageTime;

    protected TaskEntity() {}

    public TaskEntity(
            String queueName,
            String taskId,
            byte[] httpRequest,
            Instant scheduleTime,
            Instant createTime,
            Duration dispatchDeadline) {
        this.queueName = queueName;
        this.taskId = taskId;
        this.httpRequest = httpRequest;
        this.scheduleTime = scheduleTime;
        this.createTime = createTime;
        this.dispatchDeadlineMillis = dispatchDeadline.toMillis();
    }

    /** Records that an attempt starts now; until {@code leaseExpireTime} it counts as in flight. */
    public void startAttempt(Instant now, Instant leaseExpireTime) {
        if (firstAttemptDispatchTime == null) {
            firstAttemptDispatchTime = now;
        }
        dispatchCount++;
        lastAttemptScheduleTime = scheduleTime;
        lastAttemptDispatchTime = now;
        lastAttemptResponseTime = null;
        lastAttemptStatusCode = null;
        lastAttemptStatusMessage = null;
        this.leaseExpireTime = leaseExpireTime;
    }

    /** Records how the attempt in flight ended. */
    public void finishAttempt(AttemptResult result, Instant now) {
        if (result.gotResponse()) {
            responseCount++;
        }
        if (result.countsAsExecution()) {
            executionCount++;
        }
        lastAttemptResponseTime = now;
        lastAttemptStatusCode = result.statusCode().number();
        lastAttemptStatusMessage = result.detail();
        lastHttpStatus = result.previousResponse();
        leaseExpireTime = null;
    }

    /** Moves the task to a new due time; the caller then gives it a message or holds it. */
    public void reschedule(Instant newScheduleTime) {
        scheduleTime = newScheduleTime;
    }

    /**
     * A new generation whose message, due at {@code due}, the caller sends in the same
     * transaction; any older message becomes stale.
     */
    public void newMessage(Instant due) {
        generation++;
        waiting = false;
        held = false;
        messageTime = due;
    }

    /** No message: the task waits in the database for the promoter; any older message becomes stale. */
    public void hold() {
        generation++;
        waiting = false;
        held = true;
        messageTime = null;
    }

    public void startWaiting() {
        waiting = true;
    }

    public boolean isWaiting() {
        return waiting;
    }

    public boolean isHeld() {
        return held;
    }

    /** Whether an attempt is in flight (its lease has not been released). */
    public boolean isInFlight() {
        return leaseExpireTime != null;
    }

    public Long id() {
        return id;
    }

    public String queueName() {
        return queueName;
    }

    public String taskId() {
        return taskId;
    }

    public byte[] httpRequest() {
        return httpRequest;
    }

    public Instant scheduleTime() {
        return scheduleTime;
    }

    public Instant createTime() {
        return createTime;
    }

    public Duration dispatchDeadline() {
        return Duration.ofMillis(dispatchDeadlineMillis);
    }

    public long generation() {
        return generation;
    }

    /** Whether a message of this generation is the task's live one (deletes and reschedules move it on). */
    public boolean hasGeneration(long messageGeneration) {
        return generation == messageGeneration;
    }

    public int dispatchCount() {
        return dispatchCount;
    }

    public int responseCount() {
        return responseCount;
    }

    public int executionCount() {
        return executionCount;
    }

    public Instant firstAttemptDispatchTime() {
        return firstAttemptDispatchTime;
    }

    public Instant lastAttemptScheduleTime() {
        return lastAttemptScheduleTime;
    }

    public Instant lastAttemptDispatchTime() {
        return lastAttemptDispatchTime;
    }

    public Instant lastAttemptResponseTime() {
        return lastAttemptResponseTime;
    }

    public Integer lastAttemptStatusCode() {
        return lastAttemptStatusCode;
    }

    public String lastAttemptStatusMessage() {
        return lastAttemptStatusMessage;
    }

    /** The previous attempt's HTTP status for {@code X-CloudTasks-TaskPreviousResponse}, if any. */
    public Integer lastHttpStatus() {
        return lastHttpStatus;
    }
}
