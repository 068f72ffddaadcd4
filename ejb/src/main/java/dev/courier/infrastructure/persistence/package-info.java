/**
 * JPA entities and repositories for queues, tasks, name tombstones and IAM policies, and the
 * schema migrator that owns the versioned tables. Callers bring the transaction.
 */
package dev.courier.infrastructure.persistence;
