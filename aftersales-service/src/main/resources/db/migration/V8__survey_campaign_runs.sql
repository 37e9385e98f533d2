-- Survey campaign runs (issue 13): every campaign, by hand (MANUAL) or by the schedule (SCHEDULED), with its counts.
-- id is the campaign_id of the surveys it sent. period is the campaign period the run fell in (Asia/Shanghai
-- calendar, aligned to campaign.everyMonths: '2026-Q4' for 3 months). A SCHEDULED run is unique per period: the
-- scheduler inserts its row with ON CONFLICT DO NOTHING before sending, so of two replicas only one runs a period.
-- A MANUAL run does not take the scheduled period's slot.
CREATE TABLE survey_campaign_run (
    id              UUID PRIMARY KEY,
    period          VARCHAR(20)   NOT NULL,
    trigger         VARCHAR(20)   NOT NULL,
    policy_version  INT           NOT NULL,
    settled_from    TIMESTAMPTZ   NOT NULL,
    settled_to      TIMESTAMPTZ   NOT NULL,
    sent            INT           NOT NULL DEFAULT 0,
    skipped         INT           NOT NULL DEFAULT 0,
    started_by      VARCHAR(100)  NOT NULL,
    started_at      TIMESTAMPTZ   NOT NULL,
    finished_at     TIMESTAMPTZ,
    CONSTRAINT survey_campaign_run_trigger CHECK (trigger IN ('SCHEDULED', 'MANUAL')),
    CONSTRAINT survey_campaign_run_counts CHECK (sent >= 0 AND skipped >= 0)
);
CREATE UNIQUE INDEX survey_campaign_run_scheduled_period ON survey_campaign_run (period) WHERE trigger = 'SCHEDULED';
CREATE INDEX survey_campaign_run_started ON survey_campaign_run (started_at DESC, id);
