-- A rep's proposed personal target (policy 4: each rep sets a personal target from the company's and
-- files it with their manager). The manager approves it (as proposed or adjusted, which writes the
-- REP row of sales_target) or returns it with a comment; a returned proposal stays as history and the
-- rep files a new one. team and region are the rep's at the time of proposing (from the token).
CREATE TABLE target_proposal (
    id               UUID           PRIMARY KEY,
    rep_id           VARCHAR(100)   NOT NULL,
    team             VARCHAR(100)   NOT NULL,
    region           VARCHAR(100),
    period_kind      VARCHAR(7)     NOT NULL CHECK (period_kind IN ('MONTH', 'QUARTER', 'YEAR')),
    period           VARCHAR(7)     NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4])?$'),
    currency         VARCHAR(3)     NOT NULL,
    amount           NUMERIC(16, 2) NOT NULL CHECK (amount > 0),
    justification    VARCHAR(4000)  NOT NULL,
    status           VARCHAR(10)    NOT NULL CHECK (status IN ('SUBMITTED', 'RETURNED', 'APPROVED')),
    decided_by       VARCHAR(100),
    decided_at       TIMESTAMPTZ,
    decision_comment VARCHAR(4000),
    approved_amount  NUMERIC(16, 2),
    adjusted         BOOLEAN        NOT NULL DEFAULT FALSE,
    target_id        UUID           REFERENCES sales_target (id),
    version          INT            NOT NULL,
    created_at       TIMESTAMPTZ    NOT NULL,
    updated_at       TIMESTAMPTZ    NOT NULL
);
-- One proposal waiting for a decision per rep and period: a second is a 409, not a race.
CREATE UNIQUE INDEX target_proposal_one_open ON target_proposal (rep_id, period) WHERE status = 'SUBMITTED';
CREATE INDEX target_proposal_team ON target_proposal (team, status, created_at);
CREATE INDEX target_proposal_rep ON target_proposal (rep_id, created_at);

-- The split the rep proposed; the approved split is the one on the target.
CREATE TABLE target_proposal_month (
    proposal_id UUID           NOT NULL REFERENCES target_proposal (id) ON DELETE CASCADE,
    month       VARCHAR(7)     NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    amount      NUMERIC(16, 2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (proposal_id, month)
);
