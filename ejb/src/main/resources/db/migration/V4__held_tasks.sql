-- Courier schema version 4: tasks held in the database without a message (due beyond the
-- reservation window, their queue's calendar full, or their queue paused), and when each live
-- message is due, so the sweeper can find lost ones.
ALTER TABLE courier_task ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE courier_task ADD COLUMN message_time TIMESTAMP(6) WITH TIME ZONE;

-- Before version 4 every task had a message due at its schedule time, except in paused queues,
-- which dropped them; the promoter sends those again (a message still live becomes stale).
UPDATE courier_task SET message_time = schedule_time;
UPDATE courier_task SET held = TRUE, message_time = NULL, generation = generation + 1
    WHERE lease_expire_time IS NULL AND waiting_for_slot = FALSE
    AND queue_name IN (SELECT name FROM courier_queue WHERE state <> 'RUNNING');

CREATE INDEX courier_task_held ON courier_task (held, queue_name, schedule_time);
CREATE INDEX courier_task_message ON courier_task (message_time);
CREATE INDEX courier_task_lease ON courier_task (lease_expire_time);
