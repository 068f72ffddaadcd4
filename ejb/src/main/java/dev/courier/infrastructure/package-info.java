/**
 * Adapters to the platform: JPA persistence, the Artemis dispatch queue and its consumer, and the
 * HTTP client that calls workers.
 */
package dev.courier.infrastructure;
