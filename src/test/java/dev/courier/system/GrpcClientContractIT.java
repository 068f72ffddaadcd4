package dev.courier.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.GrpcTransportChannel;
import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.FixedTransportChannelProvider;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.Queue;
import com.google.rpc.Code;
import com.google.rpc.Help;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.protobuf.StatusProto;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client contract over gRPC: a plaintext channel to Courier's gRPC port (8123 + offset 100). */
class GrpcClientContractIT extends ClientContract {

    static final String GRPC_TARGET = "127.0.0.1:8223";

    private ManagedChannel channel;

    @Override
    Transport transport() {
        return Transport.GRPC;
    }

    @Override
    CloudTasksSettings.Builder settings() {
        channel = ManagedChannelBuilder.forTarget(GRPC_TARGET).usePlaintext().build();
        return CloudTasksSettings.newBuilder()
                .setTransportChannelProvider(
                        FixedTransportChannelProvider.create(GrpcTransportChannel.create(channel)));
    }

    @Test
    void errorsCarryTheCanonicalCodeMessageAndHelpDetail() throws Exception {
        CloudTasksClient client = CloudTasksClient.create(settings()
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
        try (client) {
            ApiException e = assertThrows(
                    ApiException.class,
                    () -> client.createQueue(
                            "projects/p/locations/l",
                            Queue.newBuilder()
                                    .setName("projects/p/locations/l/queues/bad_name")
                                    .build()));

            com.google.rpc.Status status = StatusProto.fromThrowable(e.getCause());
            assertEquals(Code.INVALID_ARGUMENT_VALUE, status.getCode());
            assertEquals(
                    "Queue name must be formatted: \"projects/<PROJECT_ID>/locations/<LOCATION_ID>/queues/<QUEUE_ID>\".",
                    status.getMessage());
            assertEquals(
                    "Definition of queue name",
                    status.getDetails(0).unpack(Help.class).getLinks(0).getDescription());
        }
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
