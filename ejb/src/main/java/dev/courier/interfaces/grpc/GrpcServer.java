package dev.courier.interfaces.grpc;

import static dev.courier.logging.CourierLogger.LOG;

import dev.courier.application.IamService;
import dev.courier.application.LocationService;
import dev.courier.application.QueueService;
import dev.courier.application.TaskService;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.socket.nio.NioServerSocketChannel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Serves the gRPC API on {@code courier.grpc.port} (plus WildFly's port offset, like every other
 * port of the server), started and stopped with the deployment. Plaintext (h2c) by default, as
 * Google's clients use against local endpoints; TLS when a certificate chain and key are set.
 */
@Singleton
@Startup
public class GrpcServer {

    @Inject
    QueueService queues;

    @Inject
    TaskService tasks;

    @Inject
    IamService iam;

    @Inject
    LocationService locations;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "courier.grpc.enabled")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "courier.grpc.port")
    int port;

    @Inject
    @ConfigProperty(name = "courier.grpc.tls.cert-chain")
    Optional<String> certChain;

    @Inject
    @ConfigProperty(name = "courier.grpc.tls.private-key")
    Optional<String> privateKey;

    private Server server;
    // Owned event loops, shut down with the server: gRPC's shared ones outlive the deployment and
    // then fail to load classes from its closed class loader.
    private EventLoopGroup boss;
    private EventLoopGroup workers;

    @PostConstruct
    void start() {
        if (!enabled) {
            return;
        }
        int listenPort = port + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        boss = new NioEventLoopGroup(1);
        workers = new NioEventLoopGroup(2);
        try {
            server = NettyServerBuilder.forPort(listenPort, credentials())
                    .bossEventLoopGroup(boss)
                    .workerEventLoopGroup(workers)
                    .channelType(NioServerSocketChannel.class)
                    .executor(executor)
                    .addService(CloudTasksGrpc.cloudTasks(queues, tasks, iam))
                    .addService(CloudTasksGrpc.locations(locations))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot serve gRPC on port " + listenPort + ": " + e.getMessage(), e);
        }
        LOG.grpcListening(listenPort, certChain.isPresent() ? "TLS" : "plaintext");
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (server != null) {
            server.shutdown();
            if (!server.awaitTermination(10, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
        if (boss != null) {
            boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
            workers.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        }
    }

    private ServerCredentials credentials() throws IOException {
        if (certChain.isPresent() && privateKey.isPresent()) {
            return TlsServerCredentials.create(new File(certChain.get()), new File(privateKey.get()));
        }
        return InsecureServerCredentials.create();
    }
}
