/** The HTTP client that performs dispatch attempts against workers: the engine's {@code Worker} port. */
package dev.courier.infrastructure.http;
