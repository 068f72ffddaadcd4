package dev.courier.infrastructure.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The name of a deleted queue: refused for new queues until it expires. */
@Entity
@Table(name = "courier_queue_tombstone")
public class QueueTombstone {

    @Id
    private String name;

    @Column(name = "expire_time")
    private Instant expireTime;

    protected QueueTombstone() {}

    public QueueTombstone(String name, Instant expireTime) {
        this.name = name;
        this.expireTime = expireTime;
    }

    public Instant expireTime() {
        return expireTime;
    }
}
