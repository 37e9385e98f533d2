-- Customers gain a legal identity, a segment and an address (issue 12, policy 3.1); all optional,
-- so customers registered before stay valid.
ALTER TABLE customer ADD COLUMN registration_id VARCHAR(50);
ALTER TABLE customer ADD COLUMN segment VARCHAR(20);
ALTER TABLE customer ADD COLUMN address VARCHAR(500);
-- One customer per legal entity, company-wide; customers without an id are not compared.
CREATE UNIQUE INDEX customer_registration_id ON customer (upper(registration_id));

CREATE TABLE customer_contact (
    id          UUID PRIMARY KEY,
    customer_id UUID         NOT NULL REFERENCES customer (id),
    name        VARCHAR(200) NOT NULL,
    title       VARCHAR(100),
    phone       VARCHAR(50),
    email       VARCHAR(200),
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL
);
CREATE INDEX customer_contact_customer ON customer_contact (customer_id, created_at);

-- The reps this service has seen, from their tokens: who may be assigned in which team.
CREATE TABLE sales_rep (
    user_id      VARCHAR(100) PRIMARY KEY,
    username     VARCHAR(200),
    team         VARCHAR(100) NOT NULL,
    region       VARCHAR(100),
    last_seen_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX sales_rep_team ON sales_rep (team);

CREATE TABLE opportunity (
    id                          UUID PRIMARY KEY,
    customer_id                 UUID          NOT NULL REFERENCES customer (id),
    customer_name               VARCHAR(200)  NOT NULL,
    title                       VARCHAR(200)  NOT NULL,
    source                      VARCHAR(20)   NOT NULL,
    source_detail               VARCHAR(200),
    estimated_amount            NUMERIC(14,2) NOT NULL,
    currency                    VARCHAR(3)    NOT NULL,
    expected_close_date         DATE,
    team                        VARCHAR(100)  NOT NULL,
    region                      VARCHAR(100),
    captured_by                 VARCHAR(100)  NOT NULL,
    captured_at                 TIMESTAMPTZ   NOT NULL,
    assignee_id                 VARCHAR(100),
    assigned_at                 TIMESTAMPTZ,
    stage                       VARCHAR(20)   NOT NULL,
    probability                 INT           NOT NULL,
    probability_policy_version  INT,
    stage_changed_at            TIMESTAMPTZ   NOT NULL,
    last_activity_at            TIMESTAMPTZ,
    last_contact_at             TIMESTAMPTZ,
    next_follow_up_at           TIMESTAMPTZ,
    closed_from_stage           VARCHAR(20),
    closed_at                   TIMESTAMPTZ,
    closed_by                   VARCHAR(100),
    close_reason                VARCHAR(20),
    competitor                  VARCHAR(200),
    analysis                    TEXT,
    lessons_learned             TEXT,
    updated_at                  TIMESTAMPTZ   NOT NULL,
    version                     BIGINT        NOT NULL
);
CREATE INDEX opportunity_team_stage ON opportunity (team, stage);
CREATE INDEX opportunity_assignee ON opportunity (assignee_id);
CREATE INDEX opportunity_captured_by ON opportunity (captured_by);
CREATE INDEX opportunity_customer ON opportunity (customer_id);

CREATE TABLE opportunity_product (
    opportunity_id UUID         NOT NULL REFERENCES opportunity (id),
    position       INT          NOT NULL,
    product        VARCHAR(100) NOT NULL,
    PRIMARY KEY (opportunity_id, position)
);

CREATE TABLE opportunity_stage_change (
    opportunity_id UUID         NOT NULL REFERENCES opportunity (id),
    position       INT          NOT NULL,
    from_stage     VARCHAR(20),
    to_stage       VARCHAR(20)  NOT NULL,
    probability    INT          NOT NULL,
    policy_version INT,
    changed_by     VARCHAR(100) NOT NULL,
    changed_at     TIMESTAMPTZ  NOT NULL,
    note           TEXT,
    PRIMARY KEY (opportunity_id, position)
);

CREATE TABLE opportunity_won_line (
    opportunity_id UUID          NOT NULL REFERENCES opportunity (id),
    line_no        INT           NOT NULL,
    sku            VARCHAR(64)   NOT NULL,
    quantity       INT           NOT NULL,
    unit_price     NUMERIC(14,2),
    PRIMARY KEY (opportunity_id, line_no)
);

-- Every assignment by a manager, for the fairness analysis (policy 3.1); followed_top_suggestion
-- is filled once assignment suggestions exist.
CREATE TABLE opportunity_assignment (
    id                      UUID PRIMARY KEY,
    opportunity_id          UUID         NOT NULL REFERENCES opportunity (id),
    team                    VARCHAR(100) NOT NULL,
    assignee_id             VARCHAR(100) NOT NULL,
    previous_assignee_id    VARCHAR(100),
    assigned_by             VARCHAR(100) NOT NULL,
    assigned_at             TIMESTAMPTZ  NOT NULL,
    reason                  TEXT         NOT NULL,
    followed_top_suggestion BOOLEAN,
    policy_version          INT
);
CREATE INDEX opportunity_assignment_opportunity ON opportunity_assignment (opportunity_id, assigned_at);
CREATE INDEX opportunity_assignment_team ON opportunity_assignment (team, assigned_at);

CREATE TABLE opportunity_activity (
    id                UUID PRIMARY KEY,
    opportunity_id    UUID         NOT NULL REFERENCES opportunity (id),
    type              VARCHAR(20)  NOT NULL,
    occurred_at       TIMESTAMPTZ  NOT NULL,
    summary           TEXT         NOT NULL,
    next_step         TEXT,
    next_follow_up_at TIMESTAMPTZ,
    logged_by         VARCHAR(100) NOT NULL,
    logged_at         TIMESTAMPTZ  NOT NULL
);
CREATE INDEX opportunity_activity_opportunity ON opportunity_activity (opportunity_id, occurred_at);

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('opportunity.followup', 1,
        '{"overdueAfterDays":7,"stageProbabilities":{"QUALIFICATION":10,"NEEDS_ANALYSIS":25,"PROPOSAL":50,"NEGOTIATION":75}}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 3.1', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());
