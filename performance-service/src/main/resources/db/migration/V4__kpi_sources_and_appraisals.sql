-- Every KPI input kept once per event (the inbox keeps the ce_id; these keep the fact itself), so a
-- scorecard, a commission statement and an appraisal can be recomputed and explained line by line.
-- period = the month (UTC) the fact belongs to; booked_period = the month it counts in: the same,
-- unless that month was already closed when the fact arrived, then the first open month after it.

-- A settled order (positive) or a refund (negative amount), as order-service reported it.
CREATE TABLE revenue_entry (
    event_id      UUID           PRIMARY KEY,
    kind          VARCHAR(8)     NOT NULL CHECK (kind IN ('SETTLED', 'REFUND')),
    order_id      UUID           NOT NULL,
    order_number  VARCHAR(40),
    refund_id     UUID,
    customer_id   UUID,
    rep_id        VARCHAR(100)   NOT NULL,
    team          VARCHAR(100),
    region        VARCHAR(100),
    amount        NUMERIC(16, 2) NOT NULL,
    cost_amount   NUMERIC(16, 2) NOT NULL,
    occurred_at   TIMESTAMPTZ    NOT NULL,
    period        VARCHAR(7)     NOT NULL,
    booked_period VARCHAR(7)     NOT NULL,
    recorded_at   TIMESTAMPTZ    NOT NULL
);
CREATE INDEX revenue_entry_rep_booked ON revenue_entry (rep_id, booked_period);
CREATE INDEX revenue_entry_team_booked ON revenue_entry (team, booked_period);
CREATE INDEX revenue_entry_order ON revenue_entry (order_id);

-- A customer's answer to a satisfaction survey, counted for the rep responsible.
CREATE TABLE satisfaction_fact (
    survey_id     UUID         PRIMARY KEY,
    rep_id        VARCHAR(100) NOT NULL,
    team          VARCHAR(100),
    customer_id   UUID,
    case_id       UUID,
    order_id      UUID,
    score         INT          NOT NULL CHECK (score BETWEEN 1 AND 5),
    likelihood    INT          NOT NULL CHECK (likelihood BETWEEN 0 AND 10),
    answered_at   TIMESTAMPTZ  NOT NULL,
    period        VARCHAR(7)   NOT NULL,
    booked_period VARCHAR(7)   NOT NULL
);
CREATE INDEX satisfaction_fact_rep_booked ON satisfaction_fact (rep_id, booked_period);

-- A sales report handed in (reporting-service's sales.report.submitted.v1), counted in the month it was due.
CREATE TABLE report_fact (
    report_id     UUID         PRIMARY KEY,
    rep_id        VARCHAR(100) NOT NULL,
    team          VARCHAR(100),
    report_period VARCHAR(20),
    due_at        TIMESTAMPTZ  NOT NULL,
    submitted_at  TIMESTAMPTZ  NOT NULL,
    on_time       BOOLEAN      NOT NULL,
    period        VARCHAR(7)   NOT NULL,
    booked_period VARCHAR(7)   NOT NULL
);
CREATE INDEX report_fact_rep_booked ON report_fact (rep_id, booked_period);

-- An opportunity's outcome for the win rate: the newest version seen wins (a reopened one is OPEN).
CREATE TABLE opportunity_outcome (
    opportunity_id UUID           PRIMARY KEY,
    rep_id         VARCHAR(100)   NOT NULL,
    team           VARCHAR(100),
    region         VARCHAR(100),
    outcome        VARCHAR(6)     NOT NULL CHECK (outcome IN ('WON', 'LOST', 'OPEN')),
    amount         NUMERIC(16, 2),
    version        INT            NOT NULL,
    closed_at      TIMESTAMPTZ,
    period         VARCHAR(7),
    booked_period  VARCHAR(7),
    updated_at     TIMESTAMPTZ    NOT NULL
);
CREATE INDEX opportunity_outcome_rep_booked ON opportunity_outcome (rep_id, booked_period);

-- A closed appraisal month: its scores are frozen in appraisal_result and never change again.
CREATE TABLE appraisal_period (
    period             VARCHAR(7)   PRIMARY KEY CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    closed_by          VARCHAR(100) NOT NULL,
    closed_at          TIMESTAMPTZ  NOT NULL,
    kpi_policy_version INT          NOT NULL
);

-- Each rep's frozen scorecard of a closed month: the weighted score, the grade and every KPI.
CREATE TABLE appraisal_result (
    period             VARCHAR(7)    NOT NULL REFERENCES appraisal_period (period),
    rep_id             VARCHAR(100)  NOT NULL,
    team               VARCHAR(100),
    region             VARCHAR(100),
    score              NUMERIC(5, 2) NOT NULL,
    grade              VARCHAR(2)    NOT NULL,
    kpis               JSONB         NOT NULL,
    kpi_policy_version INT           NOT NULL,
    PRIMARY KEY (period, rep_id)
);
