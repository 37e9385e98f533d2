CREATE TABLE customer (
    id            UUID PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    industry      VARCHAR(100),
    country       VARCHAR(2),
    city          VARCHAR(100),
    email         VARCHAR(200),
    phone         VARCHAR(50),
    owner_id      VARCHAR(100) NOT NULL,
    team          VARCHAR(100),
    region        VARCHAR(100),
    registered_at TIMESTAMPTZ  NOT NULL,
    updated_at    TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX customer_team ON customer (team);
CREATE INDEX customer_owner ON customer (owner_id);
CREATE UNIQUE INDEX customer_name_per_team ON customer (lower(name), team);

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('opportunity.assignment', 1,
        '{"weights":{"winRate":0.4,"revenue":0.3,"load":0.3},"maxOpenPerRep":25}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 3.1', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());
