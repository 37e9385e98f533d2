-- Sales reports by reps (issue 15, capability 4; policy 5: reps compile periodic sales reports for the
-- decision makers).

-- reporting.schedule v2 replaces v1 with the adopted rules: a weekly report for the previous ISO week
-- due Monday 10:00, a monthly report for the previous month due the third business day 18:00, both in
-- Asia/Shanghai, on a business calendar with public holidays and make-up working days (调休). v1 stays
-- in the history, RETIRED, as the policy store labels a replaced version. The calendar is
-- aftersales.sla v2's: the State Council's 2026 arrangement in full; for 2027 only the statutory days
-- (the 2027 arrangement, with its bridging and make-up days, is adopted as a new version when it is
-- published). Only days count for report due dates, so the calendar has no working hours.
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'reporting.schedule' AND version = 1;
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('reporting.schedule', 2,
        '{"weekly":{"dueDay":"MON","dueTime":"10:00"},"monthly":{"dueBusinessDay":3,"dueTime":"18:00"},'
        || '"calendar":{"timeZone":"Asia/Shanghai","workingDays":["MON","TUE","WED","THU","FRI"],'
        || '"holidays":["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23",'
        || '"2026-04-04","2026-04-05","2026-04-06","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21",'
        || '"2026-09-25","2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07",'
        || '"2027-01-01","2027-02-05","2027-02-06","2027-02-07","2027-02-08","2027-04-05","2027-05-01","2027-05-02","2027-06-09","2027-09-15","2027-10-01","2027-10-02","2027-10-03"],'
        || '"makeUpWorkingDays":["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"]}}',
        'ACTIVE', now(), 'policy-seed', 'policy-seed',
        'Version 2: weekly report for the previous ISO week due Monday 10:00, monthly report for the previous month due the third business day 18:00, Asia/Shanghai business calendar with holidays and make-up working days (policy 5)',
        TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now());

-- A rep's report for one week or month: drafted, submitted with the system's figures for the period
-- and its due time, reviewed by the team's manager or a director. One report per rep, kind and period.
CREATE TABLE sales_report (
    id                 UUID           PRIMARY KEY,
    rep_id             VARCHAR(100)   NOT NULL,
    team               VARCHAR(100),
    region             VARCHAR(100),
    kind               VARCHAR(10)    NOT NULL,
    period             VARCHAR(20)    NOT NULL,
    period_start       DATE           NOT NULL,
    period_end         DATE           NOT NULL,
    summary            VARCHAR(4000)  NOT NULL,
    highlights         VARCHAR(4000),
    risks              VARCHAR(4000),
    next_steps         VARCHAR(4000),
    status             VARCHAR(20)    NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    updated_at         TIMESTAMPTZ    NOT NULL,
    due_at             TIMESTAMPTZ,
    submitted_at       TIMESTAMPTZ,
    on_time            BOOLEAN,
    schedule_version   INT,
    figures_currency   VARCHAR(3),
    orders             INT,
    settled_amount     NUMERIC(14, 2),
    cost_amount        NUMERIC(14, 2),
    refunds            INT,
    refund_amount      NUMERIC(14, 2),
    feedback           INT,
    reviewed_by        VARCHAR(100),
    reviewed_at        TIMESTAMPTZ,
    review_comment     VARCHAR(4000),
    version            BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT sales_report_one_per_period UNIQUE (rep_id, kind, period)
);
CREATE INDEX sales_report_period_team ON sales_report (kind, period, team);
CREATE INDEX sales_report_team_created ON sales_report (team, created_at);

-- A rep's figures for a period are summed at submission by owner and day.
CREATE INDEX sales_fact_owner_day ON sales_fact (owner_id, settled_on);
CREATE INDEX refund_fact_owner_day ON refund_fact (owner_id, refunded_on);
CREATE INDEX feedback_fact_owner_day ON feedback_fact (owner_id, logged_on);
