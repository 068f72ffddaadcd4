package dev.courier.infrastructure.messaging;

import jakarta.jms.JMSException;
import jakarta.jms.Message;

/**
 * What a dispatch message carries: which task row, and which generation of it. The task itself
 * stays in the database; a message whose generation no longer matches is stale and dropped.
 * A forced order (RunTask) dispatches even when the queue is paused or throttled. A message
 * sent at a slot of its queue's dispatch calendar names that calendar's epoch; 0 means it holds
 * no slot.
 */
public record DispatchOrder(String queueName, long taskRowId, long generation, boolean forced, long reservedEpoch) {

    public static final long NO_RESERVATION = 0;

    static final String QUEUE_NAME = "queueName";
    static final String TASK_ROW_ID = "taskRowId";
    static final String GENERATION = "generation";
    static final String FORCED = "forced";
    static final String RESERVED_EPOCH = "reservedEpoch";

    /** The same order, holding a slot of the given calendar epoch. */
    public DispatchOrder reservedIn(long epoch) {
        return new DispatchOrder(queueName, taskRowId, generation, forced, epoch);
    }

    static DispatchOrder from(Message message) throws JMSException {
        if (!message.propertyExists(TASK_ROW_ID) || !message.propertyExists(GENERATION)) {
            throw new IllegalArgumentException("Not a Courier dispatch message: " + message.getJMSMessageID());
        }
        long epoch = message.propertyExists(RESERVED_EPOCH) ? message.getLongProperty(RESERVED_EPOCH) : NO_RESERVATION;
        return new DispatchOrder(message.getStringProperty(QUEUE_NAME), message.getLongProperty(TASK_ROW_ID),
                message.getLongProperty(GENERATION), message.getBooleanProperty(FORCED), epoch);
    }
}
