package dev.courier.benchmark.noop;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSDestinationDefinition;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The dispatch baseline: an MDB with Courier's session count and the same container-managed (XA)
 * transaction per message, which only counts what it receives.
 */
@JMSDestinationDefinition(
        name = NoopDrainConsumer.QUEUE_JNDI,
        interfaceName = "jakarta.jms.Queue",
        destinationName = "BenchNoopDrain")
@MessageDriven(
        name = "NoopDrainConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = NoopDrainConsumer.QUEUE_JNDI),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
            @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "${courier.dispatch.sessions}")
        })
public class NoopDrainConsumer implements MessageListener {

    static final String QUEUE_JNDI = "java:global/jms/BenchNoopDrain";

    private static final AtomicLong CONSUMED = new AtomicLong();
    private static final AtomicLong FIRST = new AtomicLong();
    private static final AtomicLong LAST = new AtomicLong();

    @Override
    public void onMessage(Message message) {
        long now = System.currentTimeMillis();
        FIRST.compareAndSet(0, now);
        LAST.accumulateAndGet(now, Math::max);
        CONSUMED.incrementAndGet();
    }

    static void reset() {
        CONSUMED.set(0);
        FIRST.set(0);
        LAST.set(0);
    }

    static long consumed() {
        return CONSUMED.get();
    }

    static long firstMillis() {
        return FIRST.get();
    }

    static long lastMillis() {
        return LAST.get();
    }
}
