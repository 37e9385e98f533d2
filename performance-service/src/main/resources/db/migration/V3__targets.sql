-- Revenue targets (policy 4): company, region, team and rep, per month, quarter or year, each with
-- its monthly split. The director sets company and region targets, managers their team's; a rep's
-- target comes from an approved (or adjusted) proposal. Only approved targets are stored here.
CREATE TABLE sales_target (
    id           UUID           PRIMARY KEY,
    level        VARCHAR(10)    NOT NULL CHECK (level IN ('COMPANY', 'REGION', 'TEAM', 'REP')),
    -- 'company' for COMPANY, the region, the team, or the rep's user id
    subject      VARCHAR(100)   NOT NULL,
    team         VARCHAR(100),
    region       VARCHAR(100),
    period_kind  VARCHAR(7)     NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
    -- 2026-11, 2026-Q4 or 2026
    period       VARCHAR(7)     NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
    currency     VARCHAR(3)     NOT NULL,
    amount       NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    set_by       VARCHAR(100)   NOT NULL,
    proposal_id  UUID,
    rationale    TEXT,
    version      INT            NOT NULL,
    created_at   TIMESTAMPTZ    NOT NULL,
    updated_at   TIMESTAMPTZ    NOT NULL,
    UNIQUE (level, subject, period)
);
CREATE INDEX sales_target_team ON sales_target (team, period);

-- The monthly split of a target; the months add up to the target's amount to the cent.
CREATE TABLE sales_target_month (
    target_id UUID           NOT NULL REFERENCES sales_target (id) ON DELETE CASCADE,
    month     VARCHAR(7)     NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    amount    NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (target_id, month)
);
CREATE INDEX sales_target_month_month ON sales_target_month (month);
