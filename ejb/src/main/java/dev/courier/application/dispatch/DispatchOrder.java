package dev.courier.application.dispatch;

/**
 * What a dispatch message carries: which task row, and which generation of it. The task itself
 * stays in the database; a message whose generation no longer matches is stale and dropped.
 * A forced order (RunTask) dispatches even when the queue is paused or throttled. A message
 * sent at a slot of its queue's dispatch calendar names that calendar's epoch; 0 means it holds
 * no slot.
 */
public record DispatchOrder(String queueName, long taskRowId, long generation, boolean forced, long reservedEpoch) {

    public static final long NO_RESERVATION = 0;

    /** The same order, holding a slot of the given calendar epoch. */
    public DispatchOrder reservedIn(long epoch) {
        return new DispatchOrder(queueName, taskRowId, generation, forced, epoch);
    }
}
