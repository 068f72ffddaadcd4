package dev.courier.application.dispatch;

import dev.courier.domain.DispatchPrecedence;
import java.time.Instant;

/**
 * The broker as dispatch sees it (a port; Artemis behind it): a durable timer that hands an order
 * back to the dispatch consumers when it falls due. A message is sent in the caller's
 * transaction, so it commits or rolls back with the task row written there.
 */
public interface DispatchBroker {

    /**
     * Sends the order, to be delivered at {@code due}; among orders already due, higher
     * precedence goes first.
     */
    void schedule(DispatchOrder order, Instant due, DispatchPrecedence precedence);
}
