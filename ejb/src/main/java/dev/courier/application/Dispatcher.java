package dev.courier.application;

import dev.courier.domain.AttemptResult;
import dev.courier.infrastructure.http.WorkerClient;
import dev.courier.infrastructure.messaging.DispatchOrder;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * Performs one dispatch attempt: record its start, call the worker, record the outcome. Runs in
 * the dispatch consumer's transaction; see {@link AttemptLedger} for what commits when.
 */
@Stateless
public class Dispatcher {

    @Inject
    AttemptLedger ledger;
    @Inject
    WorkerClient worker;

    public void dispatch(DispatchOrder order) {
        Optional<Attempt> attempt = ledger.start(order);
        if (attempt.isEmpty()) {
            return;
        }
        AttemptResult result = worker.send(attempt.get().request());
        ledger.finish(attempt.get(), result);
    }
}
