/**
 * The Cloud Tasks use cases: the queue, task, location and IAM services shared by every API
 * transport, and task creation with its group commit. Requests and responses are Google's Cloud
 * Tasks messages; the dispatch engine lives in {@code application.dispatch}.
 */
package dev.courier.application;
