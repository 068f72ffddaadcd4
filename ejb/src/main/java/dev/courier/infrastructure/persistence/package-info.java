/**
 * JPA entities and repositories for queues, tasks, name tombstones and IAM policies, the schema
 * migrator that owns the versioned tables, and the group commit that lets concurrent writes share
 * one transaction. Callers bring the transaction.
 */
package dev.courier.infrastructure.persistence;
