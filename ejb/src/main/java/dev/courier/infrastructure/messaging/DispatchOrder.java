package dev.courier.infrastructure.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * What a dispatch message carries: which task row, and which generation of it. The task itself
 * stays in the database; a message whose generation no longer matches is stale and dropped.
 * A forced order (RunTask) dispatches even when the queue is paused or throttled; a prepaid one
 * already holds its rate token (it was rescheduled to the slot the queue's bucket promised).
 */
public record DispatchOrder(String queueName, long taskRowId, long generation, boolean forced, boolean prepaid) {

    static final String QUEUE_NAME = "queueName";
    static final String TASK_ROW_ID = "taskRowId";
    static final String GENERATION = "generation";
    static final String FORCED = "forced";
    static final String PREPAID = "prepaid";

    public DispatchOrder(String queueName, long taskRowId, long generation) {
        this(queueName, taskRowId, generation, false, false);
    }

    /** The same order, holding its rate token. */
    public DispatchOrder asPrepaid() {
        return new DispatchOrder(queueName, taskRowId, generation, forced, true);
    }

    static DispatchOrder from(Message message) throws JMSException {
        if (!message.propertyExists(TASK_ROW_ID) || !message.propertyExists(GENERATION)) {
            throw new IllegalArgumentException("Not a Courier dispatch message: " + message.getJMSMessageID());
        }
        return new DispatchOrder(message.getStringProperty(QUEUE_NAME), message.getLongProperty(TASK_ROW_ID),
                message.getLongProperty(GENERATION), message.getBooleanProperty(FORCED), message.getBooleanProperty(PREPAID));
    }
}
