-- Courier schema version 5: ListTasks pages a queue's tasks by row id; without this index a big
-- queue made it scan (seconds at 100,000 tasks).
CREATE INDEX courier_task_queue_row ON courier_task (queue_name, id);
