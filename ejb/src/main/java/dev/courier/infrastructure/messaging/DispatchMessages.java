package dev.courier.infrastructure.messaging;

import dev.courier.application.dispatch.DispatchBroker;
import dev.courier.application.dispatch.DispatchOrder;
import dev.courier.domain.DispatchPrecedence;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Instant;

/**
 * Dispatch orders as Artemis messages. They are put on the dispatch queue, due at the task's
 * dispatch slot (Artemis scheduled delivery), and the dispatch consumers take each when it falls
 * due (see {@code config/configure-messaging.cli}). The injected context is
 * the XA {@code java:/JmsXA} one, so a message commits or rolls back with the task row written
 * in the same transaction. Its JMS priority carries the task's {@link DispatchPrecedence}: among
 * messages already due, Artemis delivers higher ones first. The order travels in message
 * properties; the body is empty.
 */
@ApplicationScoped
public class DispatchMessages implements DispatchBroker {

    /** Artemis' scheduled delivery property: absolute due time in epoch milliseconds. */
    static final String SCHEDULED_DELIVERY_TIME = "_AMQ_SCHED_DELIVERY";

    static final String QUEUE_NAME = "queueName";
    static final String TASK_ROW_ID = "taskRowId";
    static final String GENERATION = "generation";
    static final String FORCED = "forced";
    static final String RESERVED_EPOCH = "reservedEpoch";

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/CourierDispatch")
    Queue dispatchQueue;

    @Override
    public void schedule(DispatchOrder order, Instant due, DispatchPrecedence precedence) {
        jms.createProducer()
                .setPriority(precedence.brokerPriority())
                .setProperty(QUEUE_NAME, order.queueName())
                .setProperty(TASK_ROW_ID, order.taskRowId())
                .setProperty(GENERATION, order.generation())
                .setProperty(FORCED, order.forced())
                .setProperty(RESERVED_EPOCH, order.reservedEpoch())
                .setProperty(SCHEDULED_DELIVERY_TIME, due.toEpochMilli())
                .send(dispatchQueue, "");
    }

    /** The order a dispatch message carries. */
    static DispatchOrder read(Message message) throws JMSException {
        if (!message.propertyExists(TASK_ROW_ID) || !message.propertyExists(GENERATION)) {
            throw new IllegalArgumentException("Not a Courier dispatch message: " + message.getJMSMessageID());
        }
        long epoch = message.propertyExists(RESERVED_EPOCH)
                ? message.getLongProperty(RESERVED_EPOCH)
                : DispatchOrder.NO_RESERVATION;
        return new DispatchOrder(
                message.getStringProperty(QUEUE_NAME),
                message.getLongProperty(TASK_ROW_ID),
                message.getLongProperty(GENERATION),
                message.getBooleanProperty(FORCED),
                epoch);
    }
}
