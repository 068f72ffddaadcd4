package dev.courier.application;

import com.google.iam.v1.Policy;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.courier.domain.ApiException;
import dev.courier.domain.Errors;
import dev.courier.domain.QueueName;
import dev.courier.domain.StatusCode;
import dev.courier.infrastructure.persistence.EntityLookup;
import dev.courier.infrastructure.persistence.IamPolicyEntity;
import dev.courier.infrastructure.persistence.QueueRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Get/Set/TestIamPermissions on queues. Policies are stored and returned, with etags for
 * read-modify-write, but Courier does not enforce them: every caller holds every permission.
 */
@Stateless
public class IamService {

    @Inject
    QueueRepository queues;

    @Inject
    EntityLookup lookup;

    @PersistenceContext(unitName = "courier")
    EntityManager em;

    public Policy get(String resource) {
        String queue = existingQueue(resource);
        IamPolicyEntity stored = lookup.find(IamPolicyEntity.class, queue).orElse(null);
        return stored == null ? withEtag(Policy.getDefaultInstance()) : decode(stored.policy());
    }

    /** Replaces the policy; a request carrying a stale etag is ABORTED, as on Google Cloud. */
    public Policy set(String resource, Policy policy) {
        String queue = existingQueue(resource);
        IamPolicyEntity stored = lookup.find(IamPolicyEntity.class, queue).orElse(null);
        Policy current = stored == null ? withEtag(Policy.getDefaultInstance()) : decode(stored.policy());
        if (!policy.getEtag().isEmpty() && !policy.getEtag().equals(current.getEtag())) {
            throw new ApiException(
                    StatusCode.ABORTED,
                    "The policy's etag does not match the current policy; " + "read it again and retry.");
        }
        Policy saved = withEtag(policy.toBuilder().clearEtag().build());
        if (stored == null) {
            em.persist(new IamPolicyEntity(queue, saved.toByteArray()));
        } else {
            stored.setPolicy(saved.toByteArray());
        }
        return saved;
    }

    /** The requested Cloud Tasks permissions, all held (nothing is enforced); none for a missing queue. */
    public TestIamPermissionsResponse test(String resource, List<String> permissions) {
        TestIamPermissionsResponse.Builder response = TestIamPermissionsResponse.newBuilder();
        String queue = QueueName.parse(resource).toString();
        if (queues.find(queue).isPresent()) {
            permissions.stream().filter(p -> p.startsWith("cloudtasks.")).forEach(response::addPermissions);
        }
        return response.build();
    }

    private String existingQueue(String resource) {
        String queue = QueueName.parse(resource).toString();
        queues.find(queue).orElseThrow(Errors::queueNotFound);
        return queue;
    }

    private static Policy decode(byte[] bytes) {
        try {
            return Policy.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("Stored IAM policy is unreadable", e);
        }
    }

    /** The policy with an etag derived from its content. */
    private static Policy withEtag(Policy policy) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(policy.toBuilder().clearEtag().build().toByteArray());
            return policy.toBuilder()
                    .setEtag(ByteString.copyFrom(ByteBuffer.wrap(digest, 0, 8)))
                    .build();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
