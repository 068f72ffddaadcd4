-- Courier schema version 7: no query reads these two indexes any more (the promoter uses
-- courier_task_held, ListTasks courier_task_queue_row, and a purge reads the queue's rows
-- through either), yet every task insert, update of schedule_time and delete paid for them.
DROP INDEX courier_task_due;
DROP INDEX courier_task_created;
