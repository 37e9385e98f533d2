-- Read models for market, pipeline, performance and after-sales analysis (issue 15), kept from other
-- domains' events. Facts that change over time (customers, opportunities, cases, targets, KPI snapshots)
-- keep the newest version the producer published: a copy that is not newer than the stored one changes
-- nothing, so duplicates and out-of-order deliveries leave the newest state in place.

-- sales.customer.registered.v1 / sales.customer.updated.v1 (newest `version` wins).
-- Personal data (name, registration id, contacts) is kept for the customer directory and exports only,
-- and is masked per reporting.export for roles that do not need it.
CREATE TABLE customer_fact (
    customer_id     UUID          PRIMARY KEY,
    name            VARCHAR(200)  NOT NULL,
    registration_id VARCHAR(50),
    segment         VARCHAR(30),
    industry        VARCHAR(100),
    country         VARCHAR(100),
    city            VARCHAR(100),
    address         VARCHAR(500),
    email           VARCHAR(200),
    phone           VARCHAR(50),
    contacts        JSONB         NOT NULL DEFAULT '[]',
    owner_id        VARCHAR(100)  NOT NULL,
    team            VARCHAR(100),
    region          VARCHAR(100),
    version         BIGINT        NOT NULL,
    registered_at   TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL,
    recorded_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX customer_fact_team ON customer_fact (team);

-- sales.opportunity.* (newest `version` wins): the pipeline as it stands.
CREATE TABLE opportunity_fact (
    opportunity_id      UUID           PRIMARY KEY,
    customer_id         UUID           NOT NULL,
    title               VARCHAR(200),
    source              VARCHAR(30),
    assignee_id         VARCHAR(100),
    team                VARCHAR(100),
    region              VARCHAR(100),
    stage               VARCHAR(30)    NOT NULL,
    probability         INT            NOT NULL,
    estimated_amount    NUMERIC(14, 2) NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    expected_close_date DATE,
    captured_at         TIMESTAMPTZ    NOT NULL,
    closed_at           TIMESTAMPTZ,
    version             BIGINT         NOT NULL,
    recorded_at         TIMESTAMPTZ    NOT NULL
);
CREATE INDEX opportunity_fact_team_stage ON opportunity_fact (team, stage);

-- The first time each opportunity was seen in each stage (for stage conversion). A stage reached,
-- left and reached again keeps its first arrival.
CREATE TABLE opportunity_stage_fact (
    opportunity_id UUID        NOT NULL,
    stage          VARCHAR(30) NOT NULL,
    entered_at     TIMESTAMPTZ NOT NULL,
    team           VARCHAR(100),
    assignee_id    VARCHAR(100),
    PRIMARY KEY (opportunity_id, stage)
);

-- sales.case.resolved.v1 / closed / escalated / reopened: a case's outcome, next to feedback_fact
-- (which feedback.logged fills). Newest event time wins for the state columns.
CREATE TABLE case_fact (
    case_id             UUID         PRIMARY KEY,
    customer_id         UUID,
    owner_id            VARCHAR(100),
    team                VARCHAR(100),
    region              VARCHAR(100),
    severity            VARCHAR(20),
    state               VARCHAR(20)  NOT NULL,
    resolved_at         TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    response_met        BOOLEAN,
    resolution_met      BOOLEAN,
    resolution_minutes  BIGINT,
    escalations         INT          NOT NULL DEFAULT 0,
    reopens             INT          NOT NULL DEFAULT 0,
    last_event_at       TIMESTAMPTZ  NOT NULL,
    recorded_at         TIMESTAMPTZ  NOT NULL
);

-- Every escalation and reopening seen per case, by what identifies it in the producer's terms
-- (escalation: deadline, level and due time; reopening: its time): case_fact.escalations and .reopens
-- are counted from here, so the same step re-sent under another ce_id or out of order counts once.
CREATE TABLE case_event_fact (
    case_id     UUID         NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    detail      VARCHAR(80)  NOT NULL,
    occurred_at TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (case_id, kind, detail)
);

-- sales.survey.completed.v1 (PK: a survey is answered once).
CREATE TABLE survey_fact (
    survey_id      UUID         PRIMARY KEY,
    customer_id    UUID         NOT NULL,
    case_id        UUID,
    order_id       UUID,
    rep_id         VARCHAR(100),
    team           VARCHAR(100),
    score          INT          NOT NULL,
    likelihood     INT,
    answered_at    TIMESTAMPTZ  NOT NULL,
    answered_on    DATE         NOT NULL,
    recorded_at    TIMESTAMPTZ  NOT NULL
);
CREATE INDEX survey_fact_day_team ON survey_fact (answered_on, team);

-- sales.target.approved.v1 (newest `version` of a target wins) and its monthly split.
CREATE TABLE target_fact (
    target_id    UUID           PRIMARY KEY,
    level        VARCHAR(20)    NOT NULL,
    subject      VARCHAR(100)   NOT NULL,
    team         VARCHAR(100),
    region       VARCHAR(100),
    period       VARCHAR(10)    NOT NULL,
    period_kind  VARCHAR(10)    NOT NULL,
    currency     VARCHAR(3)     NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL,
    version      BIGINT         NOT NULL,
    approved_at  TIMESTAMPTZ    NOT NULL,
    recorded_at  TIMESTAMPTZ    NOT NULL
);
CREATE TABLE target_month_fact (
    target_id UUID           NOT NULL REFERENCES target_fact (target_id) ON DELETE CASCADE,
    month     VARCHAR(7)     NOT NULL,
    amount    NUMERIC(14, 2) NOT NULL,
    PRIMARY KEY (target_id, month)
);
CREATE INDEX target_month_fact_month ON target_month_fact (month);

-- sales.kpi.updated.v1 (newest `updatedAt` per rep and month wins) and sales.appraisal.completed.v1:
-- performance by rep and team as performance-service scores it.
CREATE TABLE kpi_fact (
    rep_id             VARCHAR(100)   NOT NULL,
    period             VARCHAR(7)     NOT NULL,
    team               VARCHAR(100),
    region             VARCHAR(100),
    currency           VARCHAR(3)     NOT NULL,
    sales_amount       NUMERIC(14, 2) NOT NULL,
    cost_amount        NUMERIC(14, 2) NOT NULL,
    gross_margin       NUMERIC(14, 2) NOT NULL,
    order_count        INT            NOT NULL,
    refund_count       INT            NOT NULL,
    satisfaction_avg   NUMERIC(6, 2),
    survey_count       INT            NOT NULL DEFAULT 0,
    reports_due        INT            NOT NULL DEFAULT 0,
    reports_on_time    INT            NOT NULL DEFAULT 0,
    opportunities_won  INT            NOT NULL DEFAULT 0,
    opportunities_lost INT            NOT NULL DEFAULT 0,
    score              NUMERIC(6, 2),
    grade              VARCHAR(2),
    -- completedAt of the sales.appraisal.completed.v1 that set score and grade (null: not appraised);
    -- score and grade are not touched by kpi.updated, nor the figures by the appraisal.
    appraised_at       TIMESTAMPTZ,
    updated_at         TIMESTAMPTZ    NOT NULL,
    recorded_at        TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (rep_id, period)
);
CREATE INDEX kpi_fact_period_team ON kpi_fact (period, team);
