-- Assignment suggestions and the fairness and win/loss analyses (issue 12 part B, policy 3.1).

-- The reps' monthly KPI figures, kept from performance-service's sales.kpi.updated.v1 (absolute
-- values per rep and month; an update older than the one kept is ignored).
CREATE TABLE rep_kpi_month (
    rep_id       VARCHAR(100)  NOT NULL,
    period       VARCHAR(7)    NOT NULL,
    team         VARCHAR(100),
    sales_amount NUMERIC(16,2) NOT NULL,
    order_count  INT           NOT NULL,
    updated_at   TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (rep_id, period)
);

-- What the suggestion looked like when the manager decided: the assignee's score, the top
-- suggestion and its score, and the estimated value assigned (the fairness analysis reads these).
ALTER TABLE opportunity_assignment ADD COLUMN assignee_score NUMERIC(6,4);
ALTER TABLE opportunity_assignment ADD COLUMN top_suggestion_id VARCHAR(100);
ALTER TABLE opportunity_assignment ADD COLUMN top_score NUMERIC(6,4);
ALTER TABLE opportunity_assignment ADD COLUMN estimated_amount NUMERIC(14,2);
ALTER TABLE opportunity_assignment ADD COLUMN currency VARCHAR(3);
UPDATE opportunity_assignment a SET estimated_amount = o.estimated_amount, currency = o.currency
FROM opportunity o WHERE o.id = a.opportunity_id;
CREATE INDEX opportunity_closed ON opportunity (closed_at) WHERE closed_at IS NOT NULL;

-- opportunity.assignment v2 replaces the v1 placeholder: it is what the suggestions apply. v1 stays
-- in the history, RETIRED, as the policy store labels a replaced version.
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'opportunity.assignment' AND version = 1;
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('opportunity.assignment', 2,
        '{"weights":{"performance":0.4,"winRate":0.3,"freeCapacity":0.2,"match":0.1},"capacity":25,"winRateWindowQuarters":2,"autoAssignTeams":[]}',
        'ACTIVE', now(), 'policy-seed', 'policy-seed',
        'Version 2: the weights and capacity the assignment suggestions apply (policy 3.1, assignment by results and ability, fair and reasonable)',
        TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now());
