package dev.courier.infrastructure.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A queue's IAM policy as set through SetIamPolicy (stored, not enforced), protobuf-encoded. */
@Entity
@Table(name = "courier_iam_policy")
public class IamPolicyEntity {

    @Id
    private String resource;

    private byte[] policy;

    protected IamPolicyEntity() {}

    public IamPolicyEntity(String resource, byte[] policy) {
        this.resource = resource;
        this.policy = policy;
    }

    public byte[] policy() {
        return policy;
    }

    public void setPolicy(byte[] policy) {
        this.policy = policy;
    }
}
