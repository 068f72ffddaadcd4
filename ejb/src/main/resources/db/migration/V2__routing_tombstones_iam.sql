-- Courier schema version 2: queue routing and logging settings, name tombstones, IAM policies.

-- the queue's httpTarget, appEngineRoutingOverride and stackdriverLoggingConfig, as a
-- protobuf-encoded google.cloud.tasks.v2.Queue holding only those fields
ALTER TABLE courier_queue ADD COLUMN routing BYTEA;

-- names of finished or deleted tasks, refused for new tasks until expire_time
CREATE TABLE courier_task_tombstone (
    name        VARCHAR(1000) NOT NULL PRIMARY KEY,
    queue_name  VARCHAR(400) NOT NULL,
    expire_time TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX courier_task_tombstone_expiry ON courier_task_tombstone (expire_time);

-- names of deleted queues, refused for new queues until expire_time
CREATE TABLE courier_queue_tombstone (
    name        VARCHAR(400) NOT NULL PRIMARY KEY,
    expire_time TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- stored (not enforced) IAM policies, protobuf-encoded google.iam.v1.Policy
CREATE TABLE courier_iam_policy (
    resource VARCHAR(400) NOT NULL PRIMARY KEY,
    policy   BYTEA NOT NULL
);

CREATE INDEX courier_task_created ON courier_task (queue_name, create_time);
