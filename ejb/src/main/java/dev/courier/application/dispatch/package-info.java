/**
 * The dispatch engine: rate and concurrency limits, enqueueing, promotion of held tasks, waiting
 * tasks, attempts and their outcomes, and the sweeper. It reaches the broker and the workers only
 * through its ports ({@link dev.courier.application.dispatch.DispatchBroker},
 * {@link dev.courier.application.dispatch.Worker}) and records through
 * {@link dev.courier.application.dispatch.DispatchLedger}, so its decisions are unit tested.
 */
package dev.courier.application.dispatch;
