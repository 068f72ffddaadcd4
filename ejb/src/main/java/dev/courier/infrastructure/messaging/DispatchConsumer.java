package dev.courier.infrastructure.messaging;

import dev.courier.application.dispatch.Dispatcher;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Consumes due dispatch messages and starts one attempt of the task each names. The message is
 * acknowledged once the attempt's start has committed; the call to the worker and the recording
 * of its outcome go on without this bean (see {@code Dispatcher}).
 *
 * <p>Failure policy: a worker's failure (any non-2xx answer, a connection error, a missed
 * deadline) is not a failure of this bean; Courier records it and schedules the retry itself,
 * following the queue's retry config. Anything that goes wrong before the start has committed
 * (database outage, a bug, a crash) rolls the transaction back, so the broker redelivers the
 * message with its own backoff and, after {@code max-delivery-attempts}, moves it to the
 * CourierDLQ; the task row is untouched and stays visible and recoverable.
 *
 * <p>The session count comes from the system property set by {@code config/configure-dispatch.cli}.
 */
@MessageDriven(
        name = "DispatchConsumer",
        activationConfig = {
            @ActivationConfigProperty(
                    propertyName = "destinationLookup",
                    propertyValue = "java:/jms/queue/CourierDispatch"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${courier.dispatch.sessions}")
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
