-- Read models kept from other domains' events. The primary keys are the business ids of the facts,
-- so a fact can be stored only once even if it arrives again under another ce_id.
-- Customer names are not kept: reports need no personal data, and exports go through their own approval.

CREATE TABLE sales_fact (
    order_id     UUID           PRIMARY KEY,
    order_number VARCHAR(50),
    settled_on   DATE           NOT NULL,
    settled_at   TIMESTAMPTZ    NOT NULL,
    owner_id     VARCHAR(100)   NOT NULL,
    team         VARCHAR(100),
    region       VARCHAR(100),
    channel      VARCHAR(30),
    currency     VARCHAR(3)     NOT NULL,
    net_amount   NUMERIC(14, 2) NOT NULL,
    cost_amount  NUMERIC(14, 2) NOT NULL,
    customer_id  UUID           NOT NULL,
    recorded_at  TIMESTAMPTZ    NOT NULL
);
CREATE INDEX sales_fact_day_team ON sales_fact (settled_on, team);

CREATE TABLE sales_fact_line (
    order_id UUID           NOT NULL REFERENCES sales_fact (order_id),
    line_no  INT            NOT NULL,
    sku      VARCHAR(100)   NOT NULL,
    category VARCHAR(100),
    quantity INT            NOT NULL,
    net      NUMERIC(14, 2) NOT NULL,
    cost     NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE refund_fact (
    refund_id   UUID           PRIMARY KEY,
    order_id    UUID           NOT NULL,
    refunded_on DATE           NOT NULL,
    refunded_at TIMESTAMPTZ    NOT NULL,
    owner_id    VARCHAR(100)   NOT NULL,
    team        VARCHAR(100),
    region      VARCHAR(100),
    channel     VARCHAR(30),
    currency    VARCHAR(3)     NOT NULL,
    amount      NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    customer_id UUID,
    recorded_at TIMESTAMPTZ    NOT NULL
);
CREATE INDEX refund_fact_day_team ON refund_fact (refunded_on, team);
CREATE INDEX refund_fact_order ON refund_fact (order_id);

CREATE TABLE feedback_fact (
    case_id     UUID         PRIMARY KEY,
    logged_on   DATE         NOT NULL,
    logged_at   TIMESTAMPTZ  NOT NULL,
    owner_id    VARCHAR(100),
    team        VARCHAR(100),
    region      VARCHAR(100),
    category    VARCHAR(30)  NOT NULL,
    severity    VARCHAR(20)  NOT NULL,
    channel     VARCHAR(30),
    customer_id UUID         NOT NULL,
    order_id    UUID,
    recorded_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX feedback_fact_day_team ON feedback_fact (logged_on, team);

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('reporting.schedule', 1,
        '{"weeklyReportDue":"MONDAY 10:00","monthlyReportDueDay":3,"timezone":"Asia/Shanghai"}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 5 (periodic sales reports and their due dates)', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now()),
       ('reporting.export', 1,
        '{"sensitiveFields":["customerName","netAmount","costAmount","ownerId"],"approverRole":"data-steward","maxValidityHours":72}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 5 (data leaves the company only through an approved, audited, time-limited export)', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());
