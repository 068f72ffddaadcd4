/**
 * The Artemis side of dispatch: scheduled dispatch messages that name a task row and generation
 * (the engine's {@code DispatchBroker} port), and the message-driven bean that consumes them.
 */
package dev.courier.infrastructure.messaging;
