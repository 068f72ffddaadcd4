package dev.courier.infrastructure.messaging;

import dev.courier.domain.DispatchPrecedence;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Instant;

/**
 * Puts dispatch messages on the Artemis schedule queue, due at the task's dispatch slot (Artemis
 * scheduled delivery); a bridge in the broker moves each onto the dispatch queue when it falls
 * due (see {@code config/configure-messaging.cli}). The injected context is the XA
 * {@code java:/JmsXA} one, so a message commits or rolls back with the task row written in the
 * same transaction. Its JMS priority carries the task's {@link DispatchPrecedence}: among messages
 * already due, Artemis delivers higher ones first.
 */
@ApplicationScoped
public class DispatchMessages {

    /** Artemis' scheduled delivery property: absolute due time in epoch milliseconds. */
    static final String SCHEDULED_DELIVERY_TIME = "_AMQ_SCHED_DELIVERY";

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/queue/CourierSchedule")
    Queue scheduleQueue;

    public void schedule(DispatchOrder order, Instant due, DispatchPrecedence precedence) {
        jms.createProducer()
                .setPriority(precedence.brokerPriority())
                .setProperty(DispatchOrder.QUEUE_NAME, order.queueName())
                .setProperty(DispatchOrder.TASK_ROW_ID, order.taskRowId())
                .setProperty(DispatchOrder.GENERATION, order.generation())
                .setProperty(DispatchOrder.FORCED, order.forced())
                .setProperty(DispatchOrder.RESERVED_EPOCH, order.reservedEpoch())
                .setProperty(SCHEDULED_DELIVERY_TIME, due.toEpochMilli())
                .send(scheduleQueue, "");
    }
}
