-- A supervisor's approval authority lent to a named user for a time window (policy 6.2).
CREATE TABLE delegation (
    id                 UUID PRIMARY KEY,
    delegator_id       VARCHAR(100) NOT NULL,
    delegator_username VARCHAR(100) NOT NULL,
    role               VARCHAR(50)  NOT NULL,
    team               VARCHAR(100),
    delegate_username  VARCHAR(100) NOT NULL,
    valid_from         TIMESTAMPTZ  NOT NULL,
    valid_until        TIMESTAMPTZ  NOT NULL,
    reason             VARCHAR(500) NOT NULL,
    status             VARCHAR(20)  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    revoked_at         TIMESTAMPTZ,
    revoked_by         VARCHAR(100),
    version            BIGINT       NOT NULL,
    CHECK (valid_until > valid_from)
);
CREATE INDEX delegation_delegate ON delegation (delegate_username, status, valid_until);
CREATE INDEX delegation_delegator ON delegation (delegator_id);
