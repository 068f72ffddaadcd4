package dev.courier.benchmark.noop;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The baselines' HTTP side: a POST that reads its JSON body and answers at once (CreateTask's
 * baseline), and the controls of the no-op MDB drain.
 */
@RequestScoped
@Path("/")
public class NoopResource {

    /** Artemis' scheduled delivery property, as Courier's dispatch messages use it. */
    private static final String SCHEDULED_DELIVERY_TIME = "_AMQ_SCHED_DELIVERY";

    private static final int BATCH = 500;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = NoopDrainConsumer.QUEUE_JNDI)
    Queue drainQueue;

    @POST
    @Path("noop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public String noop(String body) {
        return "{\"length\":" + body.length() + "}";
    }

    /** Puts {@code count} empty messages on the drain queue, all due at {@code dueMillis}. */
    @POST
    @Path("fill")
    public String fill(@QueryParam("count") int count, @QueryParam("due") long dueMillis) {
        NoopDrainConsumer.reset();
        try (JMSContext jms = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = jms.createProducer().setProperty(SCHEDULED_DELIVERY_TIME, dueMillis);
            for (int i = 1; i <= count; i++) {
                producer.send(drainQueue, "");
                if (i % BATCH == 0 || i == count) {
                    jms.commit();
                }
            }
        }
        return "filled " + count;
    }

    /** {@code consumed firstMillis lastMillis} of the drain since the last fill. */
    @GET
    @Path("drained")
    @Produces(MediaType.TEXT_PLAIN)
    public String drained() {
        return NoopDrainConsumer.consumed() + " " + NoopDrainConsumer.firstMillis() + " "
                + NoopDrainConsumer.lastMillis();
    }
}
