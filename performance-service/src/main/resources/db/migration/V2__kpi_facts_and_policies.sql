-- One row per rep and calendar month (UTC), kept from sales.order.settled.v1 and .refunded.v1.
-- Written only by one UPSERT that adds to the row, so concurrent consumers never lose an update.
CREATE TABLE kpi_fact (
    rep_id       VARCHAR(100)   NOT NULL,
    period       VARCHAR(7)     NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    team         VARCHAR(100),
    region       VARCHAR(100),
    currency     VARCHAR(3)     NOT NULL,
    sales_amount NUMERIC(16, 2) NOT NULL,
    cost_amount  NUMERIC(16, 2) NOT NULL,
    order_count  INT            NOT NULL,
    refund_count INT            NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL,
    PRIMARY KEY (rep_id, period)
);
CREATE INDEX kpi_fact_team_period ON kpi_fact (team, period);

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('performance.kpi', 1,
        '{"weights":{"salesAmount":0.4,"growthRate":0.2,"customerSatisfaction":0.2,"reportTimeliness":0.1,"winRate":0.1},"gradeBands":[{"grade":"A","min":90},{"grade":"B","min":75},{"grade":"C","min":60},{"grade":"D","min":0}]}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 4: KPI weights and appraisal grade bands', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('performance.commission', 1,
        '{"tiers":[{"upTo":100000,"rate":0.02},{"upTo":500000,"rate":0.03},{"upTo":null,"rate":0.05}],"clawbackOnRefund":true}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 4: commission tiers and clawback', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('performance.rewards', 1,
        '{"salaryAdjustmentMinGrade":"A","trainingRecommendedMaxGrade":"C"}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 4: salary-adjustment and training recommendations', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());
