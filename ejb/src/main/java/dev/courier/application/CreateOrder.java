package dev.courier.application;

import com.google.cloud.tasks.v2.Task;

/** A CreateTask request: the queue's name as given, the task, and the view of the answer. */
record CreateOrder(String parent, Task task, Task.View view) {}
