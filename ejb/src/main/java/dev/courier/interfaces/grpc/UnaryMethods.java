package dev.courier.interfaces.grpc;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import com.google.rpc.Help;
import dev.courier.application.Failures;
import dev.courier.domain.ApiException;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.protobuf.ProtoUtils;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCalls;
import java.util.function.Function;

/**
 * Builds a gRPC service from unary handlers over protobuf messages, without generated stubs:
 * each method is a name, the request and response prototypes, and a function. A refused request
 * becomes its canonical status and message, and any other failure what {@link Failures} makes
 * of it.
 */
final class UnaryMethods {

    private final String serviceName;
    private final ServerServiceDefinition.Builder service;

    UnaryMethods(String serviceName) {
        this.serviceName = serviceName;
        this.service = ServerServiceDefinition.builder(serviceName);
    }

    <Q extends Message, R extends Message> UnaryMethods add(
            String method, Q requestPrototype, R responsePrototype, Function<Q, R> handler) {
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
        ApiException refused = Failures.toApiException(e);
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
