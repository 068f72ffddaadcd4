/**
 * Adapters to the platform: the EJB timers that drive the engine and the clock; JPA persistence,
 * the Artemis dispatch messages and their consumer, and the HTTP client live in sub-packages.
 */
package dev.courier.infrastructure;
