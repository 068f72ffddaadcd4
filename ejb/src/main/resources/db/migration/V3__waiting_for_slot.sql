-- Courier schema version 3: tasks parked because their queue had no free concurrency slot.
ALTER TABLE courier_task ADD COLUMN waiting_for_slot BOOLEAN DEFAULT FALSE NOT NULL;
CREATE INDEX courier_task_waiting ON courier_task (waiting_for_slot, queue_name, schedule_time);
