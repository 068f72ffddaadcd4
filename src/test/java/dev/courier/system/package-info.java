/**
 * System tests: the built EAR on real WildFly servers configured by config/, driven over HTTP and
 * gRPC, with real workers on real ports.
 */
package dev.courier.system;
