/** The HTTP client that performs dispatch attempts against workers. */
package dev.courier.infrastructure.http;
