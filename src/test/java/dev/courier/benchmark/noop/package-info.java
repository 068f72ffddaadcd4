/**
 * The benchmark's baseline deployment, {@code bench-noop.war}, deployed beside Courier: a no-op
 * JAX-RS POST and a no-op MDB, so that Courier's figures can be read against the cost of the same
 * server's bare machinery.
 */
package dev.courier.benchmark.noop;
