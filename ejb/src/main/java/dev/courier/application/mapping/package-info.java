/**
 * Between Google's Cloud Tasks messages and Courier's entities and values: tasks, queues, update
 * masks, queue routing (httpTarget), timestamps, page tokens and the ListQueues filter.
 */
package dev.courier.application.mapping;
