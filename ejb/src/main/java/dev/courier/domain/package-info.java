/**
 * Cloud Tasks concepts as plain values and rules: resource names, the retry policy, rate limits,
 * dispatch headers and attempt outcomes. No JMS, EJB, JPA or JAX-RS here, so every rule is unit
 * tested with an injected clock.
 */
package dev.courier.domain;
