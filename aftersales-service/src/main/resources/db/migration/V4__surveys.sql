-- Satisfaction surveys (issue 13 part B, policy 3.3).

-- aftersales.survey v2 replaces v1 (kept in the history, RETIRED, as the policy store labels a replaced version).
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'aftersales.survey' AND status = 'ACTIVE';
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
SELECT 'aftersales.survey', COALESCE(MAX(version), 0) + 1,
       '{"linkValidDays":14,"afterResolution":true,"campaign":{"everyMonths":3,"settledWithinDays":90},"minDaysBetweenSurveysPerCustomer":30}',
       'ACTIVE', now(), 'policy-seed', 'policy-seed',
       'Survey links valid 14 days, a survey after each confirmed resolution, a campaign every 3 months to customers with an order settled in the last 90 days, at most one survey per customer per 30 days (policy 3.3)',
       TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now()
FROM policy_version WHERE policy_key = 'aftersales.survey';

-- When an order was settled (from sales.order.settled.v1): who a campaign asks.
ALTER TABLE order_replica ADD COLUMN settled_at TIMESTAMPTZ;
CREATE INDEX order_replica_settled ON order_replica (settled_at) WHERE settled_at IS NOT NULL;

-- A survey sent to a customer about a case or an order. Only the SHA-256 of its single-use token is kept.
CREATE TABLE survey (
    id             UUID PRIMARY KEY,
    token_hash     VARCHAR(64)   NOT NULL UNIQUE,
    customer_id    UUID          NOT NULL,
    case_id        UUID,
    order_id       UUID,
    rep_id         VARCHAR(100)  NOT NULL,
    team           VARCHAR(100),
    trigger        VARCHAR(20)   NOT NULL,
    campaign_id    UUID,
    status         VARCHAR(20)   NOT NULL,
    sent_by        VARCHAR(100)  NOT NULL,
    sent_at        TIMESTAMPTZ   NOT NULL,
    expires_at     TIMESTAMPTZ   NOT NULL,
    answered_at    TIMESTAMPTZ,
    score          INT,
    likelihood     INT,
    comment        VARCHAR(2000),
    CONSTRAINT survey_subject CHECK (case_id IS NOT NULL OR order_id IS NOT NULL),
    CONSTRAINT survey_score CHECK (score IS NULL OR score BETWEEN 1 AND 5),
    CONSTRAINT survey_likelihood CHECK (likelihood IS NULL OR likelihood BETWEEN 0 AND 10)
);
CREATE INDEX survey_customer ON survey (customer_id, sent_at);
CREATE INDEX survey_team ON survey (team);
CREATE INDEX survey_answered ON survey (answered_at) WHERE answered_at IS NOT NULL;
