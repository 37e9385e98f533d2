package com.salesaffairs.platform.policy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One version of a business rule (docs/policies.md). Content is JSON, interpreted by the owning service. */
@Entity
@Table(name = "policy_version")
@IdClass(PolicyVersion.Key.class)
public class PolicyVersion {
    @Id
    @Column(name = "policy_key")
    public String policyKey;
    @Id
    public int version;
    @Column(nullable = false, columnDefinition = "text")
    public String content;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PolicyStatus status;
    @Column(name = "effective_from")
    public Instant effectiveFrom;
    @Column(nullable = false)
    public String author;
    public String approver;
    @Column(nullable = false)
    public String rationale;
    @Column(name = "review_due_at")
    public Instant reviewDueAt;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
    @Column(name = "decided_at")
    public Instant decidedAt;
    @Column(name = "decision_comment")
    public String decisionComment;

    public static class Key implements Serializable {
        public String policyKey;
        public int version;

        public Key() {
        }

        public Key(String policyKey, int version) {
            this.policyKey = policyKey;
            this.version = version;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && version == k.version && Objects.equals(policyKey, k.policyKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(policyKey, version);
        }
    }
}
