package dev.courier.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The name of a task that finished or was deleted: refused for new tasks until it expires. */
@Entity
@Table(name = "courier_task_tombstone")
public class TaskTombstone {

    @Id
    private String name;

    @Column(name = "queue_name")
    private String queueName;

    @Column(name = "expire_time")
    private Instant expireTime;

    protected TaskTombstone() {}

    public TaskTombstone(String queueName, String taskId, Instant expireTime) {
        this.name = queueName + "/tasks/" + taskId;
        this.queueName = queueName;
        this.expireTime = expireTime;
    }

    public String name() {
        return name;
    }

    public Instant expireTime() {
        return expireTime;
    }
}
