/**
 * The Cloud Tasks v2 gRPC API ({@code google.cloud.tasks.v2.CloudTasks} and
 * {@code google.cloud.location.Locations}), bound by hand to Google's message classes and served
 * by the same application services as the REST API.
 */
package dev.courier.interfaces.grpc;
