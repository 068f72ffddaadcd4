/**
 * The Cloud Tasks use cases: queue and task services shared by every API transport, and the
 * dispatcher that performs attempts. Requests and responses are Google's Cloud Tasks messages.
 */
package dev.courier.application;
