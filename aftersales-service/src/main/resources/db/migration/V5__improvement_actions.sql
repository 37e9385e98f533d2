-- Improvement actions: what the company changes because of complaints (issue 13 part B, policy 3.3).
CREATE TABLE improvement_action (
    id          UUID PRIMARY KEY,
    root_cause  VARCHAR(2000) NOT NULL,
    action      VARCHAR(2000) NOT NULL,
    owner_id    VARCHAR(100)  NOT NULL,
    due_date    DATE          NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL,
    version     BIGINT        NOT NULL
);
CREATE INDEX improvement_action_status ON improvement_action (status, due_date);

CREATE TABLE improvement_action_case (
    action_id UUID NOT NULL REFERENCES improvement_action (id),
    case_id   UUID NOT NULL,
    PRIMARY KEY (action_id, case_id)
);
CREATE TABLE improvement_action_category (
    action_id UUID        NOT NULL REFERENCES improvement_action (id),
    category  VARCHAR(30) NOT NULL,
    PRIMARY KEY (action_id, category)
);
CREATE INDEX improvement_action_category_cat ON improvement_action_category (category);

-- Every status change with its note, oldest first.
CREATE TABLE improvement_action_history (
    id        BIGSERIAL PRIMARY KEY,
    action_id UUID         NOT NULL REFERENCES improvement_action (id),
    status    VARCHAR(20)  NOT NULL,
    note      VARCHAR(2000),
    actor     VARCHAR(100) NOT NULL,
    at        TIMESTAMPTZ  NOT NULL
);
CREATE INDEX improvement_action_history_action ON improvement_action_history (action_id, id);
