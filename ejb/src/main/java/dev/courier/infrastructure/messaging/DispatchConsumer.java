package dev.courier.infrastructure.messaging;

import dev.courier.application.dispatch.Dispatcher;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes due dispatch messages and performs one attempt of the task each names.
 *
 * <p>Failure policy: a worker's failure (any non-2xx answer, a connection error, a missed
 * deadline) is not a failure of this bean; Courier records it and schedules the retry itself,
 * following the queue's retry config, in this bean's transaction. Anything else that goes wrong
 * here (database outage, a bug, a crash) rolls the transaction back, so the broker redelivers the
 * message with its own backoff and, after {@code max-delivery-attempts}, moves it to the
 * CourierDLQ; the task row is untouched and stays visible and recoverable.
 *
 * <p>Concurrency and the transaction timeout come from the system properties set by
 * {@code config/configure-dispatch.cli}; the timeout is above the 30-minute deadline ceiling.
 */
@MessageDriven(
        name = "DispatchConsumer",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/CourierDispatch"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${courier.dispatch.sessions}"),
            @ActivationConfigProperty(
                    propertyName = "transactionTimeout",
                    propertyValue = "${courier.dispatch.transaction-timeout}")
        })
public class DispatchConsumer implements MessageListener {

    @Inject
    Dispatcher dispatcher;

    @Override
    public void onMessage(Message message) {
        try {
            dispatcher.dispatch(DispatchMessages.read(message));
        } catch (JMSException e) {
            throw new IllegalStateException("Unreadable dispatch message", e);
        }
    }
}
