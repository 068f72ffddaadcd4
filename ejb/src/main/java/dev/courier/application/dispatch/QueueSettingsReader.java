package dev.courier.application.dispatch;

import dev.courier.infrastructure.persistence.QueueRepository;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.Optional;

/** Reads a queue's settings for the {@link QueueSettingsCache}, in a short transaction of its own. */
@Stateless
public class QueueSettingsReader {

    @Inject
    QueueRepository queues;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<QueueSettings> read(String queueName) {
        return queues.find(queueName).map(QueueSettings::of);
    }
}
