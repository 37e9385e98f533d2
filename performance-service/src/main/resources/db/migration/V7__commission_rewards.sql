-- Commissions and rewards (issue 14 part D, policy 4.3).

-- performance.commission v2, the adopted content: marginal bands by attainment of the rep's monthly
-- target (2% on revenue up to 80% of target, 4% from 80% to 100%, 6% on the part above target), paid on
-- settled revenue only, a refund in a later month clawed back in the month of the refund. Without a
-- target the whole revenue earns the first band's rate ("withoutTarget": "FIRST_TIER").
-- v2 takes effect from the same date as v1, which was written before these rules were settled and so
-- never computed a statement; v1 stays in the history, RETIRED.
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'performance.commission' AND version = 1;
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('performance.commission', 2,
        '{"tiers":[{"fromAttainment":0,"rate":0.02},{"fromAttainment":80,"rate":0.04},{"fromAttainment":100,"rate":0.06}],"basis":"SETTLED","clawback":"REFUND_PERIOD","withoutTarget":"FIRST_TIER"}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 2 as adopted for issue 14: 2% below 80% attainment, 4% from 80% to 100%, 6% on the part above target; settled revenue only; refunds claw back in the period of the refund',
        TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now());

-- performance.rewards v2, the adopted content: A salary +5% and commission rate +0.5 point next period;
-- B salary +3%; C training in the weakest KPI; D an improvement plan with training (in the weakest KPI).
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'performance.rewards' AND version = 1;
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('performance.rewards', 2,
        '{"grades":{"A":{"salaryAdjustmentPct":5,"commissionRatePoints":0.5,"training":"NONE","improvementPlan":false},'
        || '"B":{"salaryAdjustmentPct":3,"commissionRatePoints":0,"training":"NONE","improvementPlan":false},'
        || '"C":{"salaryAdjustmentPct":0,"commissionRatePoints":0,"training":"WEAKEST_KPI","improvementPlan":false},'
        || '"D":{"salaryAdjustmentPct":0,"commissionRatePoints":0,"training":"WEAKEST_KPI","improvementPlan":true}}}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 2 as adopted for issue 14: A salary +5% and commission rate +0.5 point next period; B salary +3%; C training in the weakest KPI; D improvement plan with training',
        TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now());

-- One recommendation per rep and closed month, made when the month closes from the frozen grade and
-- the performance.rewards version in force; the director approves it as recommended or amended.
CREATE TABLE reward_recommendation (
    id                       UUID          PRIMARY KEY,
    period                   VARCHAR(7)    NOT NULL REFERENCES appraisal_period (period),
    rep_id                   VARCHAR(100)  NOT NULL,
    team                     VARCHAR(100),
    region                   VARCHAR(100),
    score                    NUMERIC(5, 2) NOT NULL,
    grade                    VARCHAR(2)    NOT NULL,
    kpi_policy_version       INT           NOT NULL,
    rewards_policy_version   INT           NOT NULL,
    -- what the policy recommends
    salary_pct               NUMERIC(5, 2) NOT NULL CHECK (salary_pct >= 0),
    rate_points              NUMERIC(4, 2) NOT NULL CHECK (rate_points >= 0),
    training                 JSONB         NOT NULL,
    improvement_plan         BOOLEAN       NOT NULL,
    status                   VARCHAR(11)   NOT NULL CHECK (status IN ('RECOMMENDED', 'APPROVED')),
    -- what the director awarded (null until approved)
    awarded_salary_pct       NUMERIC(5, 2) CHECK (awarded_salary_pct >= 0),
    awarded_rate_points      NUMERIC(4, 2) CHECK (awarded_rate_points >= 0),
    awarded_training         JSONB,
    awarded_improvement_plan BOOLEAN,
    amended                  BOOLEAN       NOT NULL DEFAULT false,
    decision_comment         VARCHAR(2000),
    decided_by               VARCHAR(100),
    decided_at               TIMESTAMPTZ,
    created_at               TIMESTAMPTZ   NOT NULL,
    UNIQUE (period, rep_id)
);
CREATE INDEX reward_recommendation_team ON reward_recommendation (team, period);
