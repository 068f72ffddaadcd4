-- Courier schema version 1: queues and their tasks. Portable SQL for H2 and PostgreSQL.

CREATE TABLE courier_queue (
    name                      VARCHAR(400) NOT NULL PRIMARY KEY,
    state                     VARCHAR(16) NOT NULL,
    max_dispatches_per_second DOUBLE PRECISION NOT NULL,
    max_burst_size            INTEGER NOT NULL,
    max_concurrent_dispatches INTEGER NOT NULL,
    max_attempts              INTEGER NOT NULL,
    max_retry_duration_ms     BIGINT NOT NULL,
    min_backoff_ms            BIGINT NOT NULL,
    max_backoff_ms            BIGINT NOT NULL,
    max_doublings             INTEGER NOT NULL,
    purge_time                TIMESTAMP(6) WITH TIME ZONE,
    create_time               TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE courier_task_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE courier_task (
    id                           BIGINT NOT NULL PRIMARY KEY,
    queue_name                   VARCHAR(400) NOT NULL,
    task_id                      VARCHAR(500) NOT NULL,
    -- the task's google.cloud.tasks.v2.HttpRequest, protobuf-encoded
    http_request                 BYTEA NOT NULL,
    schedule_time                TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    create_time                  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    dispatch_deadline_ms         BIGINT NOT NULL,
    -- bumped whenever the task gets a new message; a message with an older generation is stale
    generation                   BIGINT NOT NULL,
    dispatch_count               INTEGER NOT NULL,
    response_count               INTEGER NOT NULL,
    execution_count              INTEGER NOT NULL,
    first_attempt_dispatch_time  TIMESTAMP(6) WITH TIME ZONE,
    last_attempt_schedule_time   TIMESTAMP(6) WITH TIME ZONE,
    last_attempt_dispatch_time   TIMESTAMP(6) WITH TIME ZONE,
    last_attempt_response_time   TIMESTAMP(6) WITH TIME ZONE,
    last_attempt_status_code     INTEGER,
    last_attempt_status_message  VARCHAR(1000),
    last_http_status             INTEGER,
    -- while an attempt is in flight: when it is considered lost if it has not finished
    lease_expire_time            TIMESTAMP(6) WITH TIME ZONE,
    CONSTRAINT courier_task_name UNIQUE (queue_name, task_id)
);

CREATE INDEX courier_task_due ON courier_task (schedule_time);
