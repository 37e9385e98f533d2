-- performance.kpi v2, as adopted with issue 14 (policy 4): the revenue weight is on the attainment of
-- the month's revenue target; weights revenue attainment 0.40, growth 0.15, satisfaction 0.20,
-- on-time reports 0.10, win rate 0.15; grades A from 90, B from 75, C from 60, D below. Version 1
-- (weights on salesAmount 0.4, growth 0.2, satisfaction 0.2, reports 0.1, win rate 0.1) stays in the
-- history, RETIRED, as the policy store labels a replaced version.
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'performance.kpi' AND version = 1;
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('performance.kpi', 2,
        '{"weights":{"revenueAttainment":0.40,"growthRate":0.15,"customerSatisfaction":0.20,"reportTimeliness":0.10,"winRate":0.15},"gradeBands":[{"grade":"A","min":90},{"grade":"B","min":75},{"grade":"C","min":60},{"grade":"D","min":0}]}',
        'ACTIVE', now(), 'policy-seed', 'policy-seed',
        'Version 2 as adopted with issue 14 (policy 4): weights on revenue target attainment 40%, growth 15%, customer satisfaction 20%, on-time reports 10%, win rate 15%; grades A from 90, B from 75, C from 60, D below',
        TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now());

-- The whole frozen scorecard of each appraised rep (KPI lines, growth comparisons, policy version), so a
-- closed month reads back exactly as it was closed; appraisal_result.kpis keeps the KPI lines alone.
ALTER TABLE appraisal_result ADD COLUMN scorecard JSONB;

-- A rep with facts in a closed month but no KPI that could be scored (no target, no growth base, no
-- surveys, no reports due, no decided opportunity) has no score and no grade, so no appraisal_result
-- (and no reward recommendation); the frozen scorecard is kept here so the month still reads as closed.
CREATE TABLE appraisal_ungraded (
    period             VARCHAR(7)   NOT NULL REFERENCES appraisal_period (period),
    rep_id             VARCHAR(100) NOT NULL,
    team               VARCHAR(100),
    region             VARCHAR(100),
    scorecard          JSONB        NOT NULL,
    kpi_policy_version INT          NOT NULL,
    PRIMARY KEY (period, rep_id)
);
