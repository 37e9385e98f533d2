-- aftersales-service's copy of customers, kept from sales.customer.* events (never read from opportunity's tables).
CREATE TABLE customer_replica (
    id           UUID PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    owner_id     VARCHAR(100) NOT NULL,
    team         VARCHAR(100),
    region       VARCHAR(100),
    fact_version BIGINT       NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL
);

-- Case numbers CS-<year>-<6 digits>: one sequence for all years, so a number is never reused.
CREATE SEQUENCE case_number_seq;

-- A customer's feedback as a case: who it concerns, how bad it is, and the SLA clock it runs against.
CREATE TABLE service_case (
    id                 UUID PRIMARY KEY,
    case_number        VARCHAR(20)   NOT NULL UNIQUE,
    customer_id        UUID          NOT NULL,
    customer_name      VARCHAR(200)  NOT NULL,
    order_id           UUID,
    owner_id           VARCHAR(100)  NOT NULL,
    team               VARCHAR(100),
    region             VARCHAR(100),
    channel            VARCHAR(20)   NOT NULL,
    category           VARCHAR(30)   NOT NULL,
    severity           VARCHAR(20)   NOT NULL,
    summary            VARCHAR(500)  NOT NULL,
    details            VARCHAR(4000),
    status             VARCHAR(30)   NOT NULL,
    logged_by          VARCHAR(100)  NOT NULL,
    logged_at          TIMESTAMPTZ   NOT NULL,
    response_due_at    TIMESTAMPTZ   NOT NULL,
    resolution_due_at  TIMESTAMPTZ   NOT NULL,
    sla_policy_version INT           NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL
);
CREATE INDEX service_case_team ON service_case (team);
CREATE INDEX service_case_owner ON service_case (owner_id);
CREATE INDEX service_case_logged_by ON service_case (logged_by);
CREATE INDEX service_case_customer ON service_case (customer_id);
CREATE INDEX service_case_status ON service_case (status, severity);

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('aftersales.sla', 1,
        '{"responseHours":{"LOW":48,"MEDIUM":24,"HIGH":8,"CRITICAL":2},"resolutionHours":{"LOW":240,"MEDIUM":120,"HIGH":48,"CRITICAL":24},"escalationChain":["sales-manager","sales-director"]}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 3.3 (after-sales response and resolution limits)', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('aftersales.survey', 1,
        '{"sendAfterResolutionHours":24,"periodicSurveyMonths":6,"scale":{"min":1,"max":5}}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 3.3 (satisfaction surveys)', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());
