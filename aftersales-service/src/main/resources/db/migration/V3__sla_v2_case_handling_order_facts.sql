-- Case handling, business-time SLA clocks, escalation and order facts (issue 13 part A, policy 3.3).

-- aftersales.sla v2 replaces v1: business hours on a calendar with public holidays and make-up
-- working days (调休), a warning point and the escalation chain. v1 stays in the history, RETIRED,
-- as the policy store labels a replaced version. Holidays: the State Council's 2026 arrangement in
-- full; for 2027 only the statutory days (the 2027 arrangement, with its bridging and make-up days,
-- is adopted as a new version when it is published).
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'aftersales.sla' AND version = 1;
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('aftersales.sla', 2,
        '{"calendar":{"timeZone":"Asia/Shanghai","workingDays":["MON","TUE","WED","THU","FRI"],"hours":{"start":"09:00","end":"18:00"},'
        || '"holidays":["2026-01-01","2026-01-02","2026-01-03","2026-02-15","2026-02-16","2026-02-17","2026-02-18","2026-02-19","2026-02-20","2026-02-21","2026-02-22","2026-02-23",'
        || '"2026-04-04","2026-04-05","2026-04-06","2026-05-01","2026-05-02","2026-05-03","2026-05-04","2026-05-05","2026-06-19","2026-06-20","2026-06-21",'
        || '"2026-09-25","2026-09-26","2026-09-27","2026-10-01","2026-10-02","2026-10-03","2026-10-04","2026-10-05","2026-10-06","2026-10-07",'
        || '"2027-01-01","2027-02-05","2027-02-06","2027-02-07","2027-02-08","2027-04-05","2027-05-01","2027-05-02","2027-06-09","2027-09-15","2027-10-01","2027-10-02","2027-10-03"],'
        || '"makeUpWorkingDays":["2026-01-04","2026-02-14","2026-02-28","2026-05-09","2026-09-20","2026-10-10"]},'
        || '"firstResponseHours":{"CRITICAL":1,"HIGH":4,"MEDIUM":8,"LOW":24},'
        || '"resolutionHours":{"CRITICAL":8,"HIGH":24,"MEDIUM":27,"LOW":45},'
        || '"warnAtPercent":80,"escalationChain":["aftersales-agent","team-manager","sales-director"]}',
        'ACTIVE', now(), 'policy-seed', 'policy-seed',
        'Version 2: limits in business hours on the Asia/Shanghai business calendar, warning at 80% and escalation from the agent to the team manager to the director (policy 3.3)',
        TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now());

-- Orders as after-sales knows them, from sales.order.* facts: enough to check that feedback names an
-- order of its customer.
CREATE TABLE order_replica (
    id          UUID PRIMARY KEY,
    customer_id UUID         NOT NULL,
    owner_id    VARCHAR(100) NOT NULL,
    team        VARCHAR(100),
    last_event  VARCHAR(60)  NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- The case's kind, handling, clocks and escalation state.
ALTER TABLE service_case ADD COLUMN kind VARCHAR(20) NOT NULL DEFAULT 'COMPLAINT';
ALTER TABLE service_case ADD COLUMN department VARCHAR(20);
ALTER TABLE service_case ADD COLUMN assignee_id VARCHAR(100);
ALTER TABLE service_case ADD COLUMN response_hours INT;
ALTER TABLE service_case ADD COLUMN resolution_hours INT;
ALTER TABLE service_case ADD COLUMN warn_percent INT NOT NULL DEFAULT 80;
ALTER TABLE service_case ADD COLUMN response_warn_at TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN resolution_warn_at TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN first_responded_at TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN response_met BOOLEAN;
ALTER TABLE service_case ADD COLUMN resolution_started_at TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN waiting_since TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN paused_minutes BIGINT NOT NULL DEFAULT 0;
ALTER TABLE service_case ADD COLUMN resolved_at TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN resolution_met BOOLEAN;
ALTER TABLE service_case ADD COLUMN solution VARCHAR(4000);
ALTER TABLE service_case ADD COLUMN closed_at TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN response_warned BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE service_case ADD COLUMN resolution_warned BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE service_case ADD COLUMN response_escalation_level INT NOT NULL DEFAULT 0;
ALTER TABLE service_case ADD COLUMN response_escalated_at TIMESTAMPTZ;
ALTER TABLE service_case ADD COLUMN resolution_escalation_level INT NOT NULL DEFAULT 0;
ALTER TABLE service_case ADD COLUMN resolution_escalated_at TIMESTAMPTZ;
-- Cases opened under v1 keep their calendar-hour deadlines; their budgets are v1's, their warning at the deadline.
UPDATE service_case SET
    response_hours = CASE severity WHEN 'LOW' THEN 48 WHEN 'MEDIUM' THEN 24 WHEN 'HIGH' THEN 8 ELSE 2 END,
    resolution_hours = CASE severity WHEN 'LOW' THEN 240 WHEN 'MEDIUM' THEN 120 WHEN 'HIGH' THEN 48 ELSE 24 END,
    response_warn_at = response_due_at, resolution_warn_at = resolution_due_at, resolution_started_at = logged_at;
ALTER TABLE service_case ALTER COLUMN response_hours SET NOT NULL;
ALTER TABLE service_case ALTER COLUMN resolution_hours SET NOT NULL;
ALTER TABLE service_case ALTER COLUMN response_warn_at SET NOT NULL;
ALTER TABLE service_case ALTER COLUMN resolution_warn_at SET NOT NULL;
ALTER TABLE service_case ALTER COLUMN resolution_started_at SET NOT NULL;
CREATE INDEX service_case_department ON service_case (department);
-- What the escalation run scans: cases whose clocks still run.
CREATE INDEX service_case_running ON service_case (response_warn_at, resolution_warn_at)
    WHERE status IN ('OPEN', 'IN_PROGRESS', 'WAITING_FOR_CUSTOMER');

-- Everything that happened to a case, oldest first: assignments and transfers, comments, responses,
-- waiting, resolution, confirmation, reopening, warnings and escalations.
CREATE TABLE case_history (
    id               BIGSERIAL PRIMARY KEY,
    case_id          UUID          NOT NULL REFERENCES service_case (id),
    action           VARCHAR(30)   NOT NULL,
    actor            VARCHAR(100)  NOT NULL,
    at               TIMESTAMPTZ   NOT NULL,
    department       VARCHAR(20),
    assignee_id      VARCHAR(100),
    text             VARCHAR(4000),
    customer_contact BOOLEAN       NOT NULL DEFAULT false,
    deadline         VARCHAR(20),
    level            INT,
    escalated_to_role VARCHAR(40),
    escalated_to_team VARCHAR(100),
    overdue_minutes  BIGINT
);
CREATE INDEX case_history_case ON case_history (case_id, id);
