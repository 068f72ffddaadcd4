/**
 * The benchmark ({@code mvn verify -Pbenchmark}): boots Courier on a real WildFly, runs each
 * scenario of the benchmark issue beside a baseline measured in the same run, and writes a
 * Markdown report with PNG charts.
 */
package dev.courier.benchmark;
