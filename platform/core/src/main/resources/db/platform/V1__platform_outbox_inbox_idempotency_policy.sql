-- Platform tables every service carries. Service migrations start at V2.

CREATE TABLE outbox_event (
    id              BIGSERIAL PRIMARY KEY,
    ce_id           UUID        NOT NULL UNIQUE,
    topic           VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(100) NOT NULL,
    aggregate_id    VARCHAR(100) NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    payload         TEXT        NOT NULL,
    traceparent     VARCHAR(100),
    occurred_at     TIMESTAMPTZ NOT NULL,
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL,
    last_error      VARCHAR(1000),
    published_at    TIMESTAMPTZ
);
-- The relay scans only what is still to publish.
CREATE INDEX outbox_event_pending ON outbox_event (next_attempt_at, id) WHERE published_at IS NULL;

CREATE TABLE inbox_event (
    ce_id       UUID         NOT NULL,
    consumer    VARCHAR(100) NOT NULL,
    event_type  VARCHAR(200) NOT NULL,
    source      VARCHAR(200),
    received_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (ce_id, consumer)
);

CREATE TABLE idempotency_record (
    idempotency_key VARCHAR(200) NOT NULL,
    caller          VARCHAR(100) NOT NULL,
    operation       VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,
    status          INT          NOT NULL,
    location        VARCHAR(500),
    body            TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (idempotency_key, caller, operation)
);

CREATE TABLE policy_version (
    policy_key      VARCHAR(100) NOT NULL,
    version         INT          NOT NULL,
    content         TEXT         NOT NULL,
    status          VARCHAR(20)  NOT NULL CHECK (status IN ('DRAFT', 'APPROVED', 'ACTIVE', 'RETIRED', 'REJECTED')),
    effective_from  TIMESTAMPTZ,
    author          VARCHAR(100) NOT NULL,
    approver        VARCHAR(100),
    rationale       VARCHAR(2000) NOT NULL,
    review_due_at   TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL,
    decided_at      TIMESTAMPTZ,
    decision_comment VARCHAR(2000),
    PRIMARY KEY (policy_key, version)
);
