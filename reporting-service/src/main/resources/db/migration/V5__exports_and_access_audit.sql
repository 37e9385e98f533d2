-- Confidentiality (issue 15, capability 5; policy 5: sales data is confidential, data for outside parties
-- needs review and approval): reporting.export v2, data exports and the append-only data-access audit.

-- reporting.export v2 replaces v1 with the adopted rules: contact names, phones, emails and customer
-- registration ids are sensitive; an export containing them needs the data steward and the sales
-- director; links expire after 72 hours and 3 downloads. Besides the four adopted fields, the
-- customer's own email and phone (often a person's for small firms) and, as in v1, the customer name
-- count as sensitive for exports. maskedFields are hidden in the customer directory from every role
-- that is not in unmaskedRoles (those see them only for customers they own or whose team they manage).
-- v1 stays in the history, RETIRED.
UPDATE policy_version SET status = 'RETIRED' WHERE policy_key = 'reporting.export' AND version = 1;
INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('reporting.export', 2,
        '{"sensitiveFields":["customerName","registrationId","email","phone","contactName","contactPhone","contactEmail"],'
        || '"maskedFields":["registrationId","email","phone","contactName","contactPhone","contactEmail"],'
        || '"unmaskedRoles":["sales-rep","sales-manager"],'
        || '"approverRole":"data-steward","sensitiveApproverRole":"sales-director",'
        || '"link":{"expiresAfterHours":72,"maxDownloads":3}}',
        'ACTIVE', now(), 'policy-seed', 'policy-seed',
        'Version 2: contact names, phones, emails and customer registration ids are sensitive; an export containing them needs the data steward and the sales director; links expire after 72 hours and 3 downloads; contact data masked in the directory for roles that do not work with the customer (policy 5)',
        TIMESTAMPTZ '2027-12-01 00:00:00+00', now(), now());

-- A request to take data outside: what (dataset, fields, filters), why (purpose) and for whom
-- (recipient); decided by the data steward and, when a sensitive field is asked for, also by the
-- sales director; produced once at the final approval (content stored, watermarked with the id) and
-- downloadable by the requester only, through a link that expires and works a limited number of times.
CREATE TABLE data_export (
    id                 UUID           PRIMARY KEY,
    dataset            VARCHAR(30)    NOT NULL,
    fields             VARCHAR(2000)  NOT NULL,
    sensitive_fields   VARCHAR(2000)  NOT NULL,
    filter_from        DATE,
    filter_to          DATE,
    filter_team        VARCHAR(100),
    filter_region      VARCHAR(100),
    purpose            VARCHAR(2000)  NOT NULL,
    recipient          VARCHAR(300)   NOT NULL,
    policy_version     INT            NOT NULL,
    requester_id       VARCHAR(100)   NOT NULL,
    requester_name     VARCHAR(200),
    reach_all          BOOLEAN        NOT NULL,
    reach_team         VARCHAR(100),
    reach_owner        VARCHAR(100),
    status             VARCHAR(20)    NOT NULL,
    created_at         TIMESTAMPTZ    NOT NULL,
    steward_id         VARCHAR(100),
    steward_decision   VARCHAR(10),
    steward_comment    VARCHAR(2000),
    steward_at         TIMESTAMPTZ,
    director_id        VARCHAR(100),
    director_decision  VARCHAR(10),
    director_comment   VARCHAR(2000),
    director_at        TIMESTAMPTZ,
    decided_at         TIMESTAMPTZ,
    produced_at        TIMESTAMPTZ,
    row_count          INT,
    content            TEXT,
    content_sha256     VARCHAR(64),
    link_token         VARCHAR(100),
    link_expires_at    TIMESTAMPTZ,
    max_downloads      INT,
    downloads          INT            NOT NULL DEFAULT 0,
    version            BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT data_export_downloads_within_limit CHECK (max_downloads IS NULL OR downloads <= max_downloads)
);
CREATE INDEX data_export_requester ON data_export (requester_id, created_at);
CREATE INDEX data_export_status ON data_export (status, created_at);

-- Every data read and every export step: who, what, when, with which outcome. Append-only: the
-- database refuses UPDATE, DELETE and TRUNCATE, so neither the service nor anyone using its
-- credentials through it can rewrite what was read.
CREATE TABLE data_access_audit (
    id          BIGINT         GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    occurred_at TIMESTAMPTZ    NOT NULL,
    user_id     VARCHAR(100),
    username    VARCHAR(200),
    roles       VARCHAR(500),
    team        VARCHAR(100),
    action      VARCHAR(30)    NOT NULL,
    method      VARCHAR(10)    NOT NULL,
    path        VARCHAR(500)   NOT NULL,
    query       VARCHAR(2000),
    resource_id VARCHAR(100),
    status      INT            NOT NULL,
    outcome     VARCHAR(10)    NOT NULL,
    reason      VARCHAR(1000),
    row_count   INT
);
CREATE INDEX data_access_audit_time ON data_access_audit (occurred_at);
CREATE INDEX data_access_audit_user ON data_access_audit (user_id, occurred_at);
CREATE INDEX data_access_audit_resource ON data_access_audit (resource_id);

CREATE FUNCTION data_access_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'data_access_audit is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER data_access_audit_no_change
    BEFORE UPDATE OR DELETE ON data_access_audit
    FOR EACH ROW EXECUTE FUNCTION data_access_audit_append_only();
CREATE TRIGGER data_access_audit_no_truncate
    BEFORE TRUNCATE ON data_access_audit
    FOR EACH STATEMENT EXECUTE FUNCTION data_access_audit_append_only();
