package dev.courier.interfaces.grpc;

import com.google.protobuf.Message;
import dev.courier.application.Outages;
import dev.courier.domain.ApiException;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.Help;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCalls;
import jakarta.ejb.EJBException;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Builds a gRPC service from unary handlers over protobuf messages, without generated stubs:
 * each method is a name, the request and response prototypes, and a function. A refused request
 * becomes its canonical status and message; a lost database UNAVAILABLE; anything else INTERNAL
 * with an incident id.
 */
final class UnaryMethods {

    private static final Logger LOG = Logger.getLogger(UnaryMethods.class);

    private final String serviceName;
    private final ServerServiceDefinition.Builder service;

    UnaryMethods(String serviceName) {
        this.serviceName = serviceName;
        this.service = ServerServiceDefinition.builder(serviceName);
    }

    <Q extends Message, R extends Message> UnaryMethods add(String method, Q requestPrototype, R responsePrototype,
            Function<Q, R> handler) {
        MethodDescriptor<Q, R> descriptor = MethodDescriptor.<Q, R>newBuilder()
                .setType(MethodDescriptor.MethodType.UNARY)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(serviceName, method))
                .setRequestMarshaller(ProtoUtils.marshaller(requestPrototype))
                .setResponseMarshaller(ProtoUtils.marshaller(responsePrototype))
                .build();
        service.addMethod(descriptor, ServerCalls.asyncUnaryCall((request, response) -> {
            try {
                response.onNext(handler.apply(request));
                response.onCompleted();
            } catch (RuntimeException e) {
                response.onError(StatusProto.toStatusRuntimeException(statusOf(e)));
            }
        }));
        return this;
    }

    ServerServiceDefinition build() {
        return service.build();
    }

    /** The google.rpc.Status of a failed call: code, message and, where the error has one, a Help detail. */
    static com.google.rpc.Status statusOf(RuntimeException e) {
        ApiException refused = e instanceof ApiException api ? api
                : e instanceof EJBException && e.getCause() instanceof ApiException api ? api : null;
        if (refused == null && Outages.isDatabaseOutage(e)) {
            LOG.warnf("Database unavailable: %s", e.toString());
            return com.google.rpc.Status.newBuilder()
                    .setCode(Code.UNAVAILABLE_VALUE)
                    .setMessage("The service is temporarily unavailable; retry later.")
                    .build();
        }
        if (refused == null) {
            String incident = UUID.randomUUID().toString();
            LOG.errorf(e, "Unexpected error in a gRPC call, incident %s", incident);
            return com.google.rpc.Status.newBuilder()
                    .setCode(Code.INTERNAL_VALUE)
                    .setMessage("Internal error (incident " + incident + ").")
                    .build();
        }
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(refused.code().number())
                .setMessage(refused.getMessage());
        if (refused.help() != null) {
            status.addDetails(Any.pack(Help.newBuilder()
                    .addLinks(Help.Link.newBuilder()
                            .setDescription(refused.help().description())
                            .setUrl(refused.help().url()))
                    .build()));
        }
        return status.build();
    }
}
