package com.salesaffairs.platform.idempotency;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The first response to a create, kept per caller and {@code Idempotency-Key}. */
@Entity
@Table(name = "idempotency_record")
@IdClass(IdempotencyRecord.Key.class)
public class IdempotencyRecord {
    @Id
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Id
    public String caller;
    @Id
    public String operation;
    @Column(name = "request_hash", nullable = false)
    public String requestHash;
    @Column(nullable = false)
    public int status;
    public String location;
    @Column(columnDefinition = "text")
    public String body;
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {
        public String idempotencyKey;
        public String caller;
        public String operation;

        public Key() {
        }

        public Key(String idempotencyKey, String caller, String operation) {
            this.idempotencyKey = idempotencyKey;
            this.caller = caller;
            this.operation = operation;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(idempotencyKey, k.idempotencyKey)
                    && Objects.equals(caller, k.caller) && Objects.equals(operation, k.operation);
        }

        @Override
        public int hashCode() {
            return Objects.hash(idempotencyKey, caller, operation);
        }
    }
}
