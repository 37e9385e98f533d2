-- Survey links issued by staff (POST /api/v1/surveys/{id}/link): closes the gap of automatic surveys whose token
-- was never handed to anyone. Each issue rotates the single-use token (only its SHA-256 is kept, as before);
-- the survey keeps the latest issue, survey_link_issue every one of them.
ALTER TABLE survey ADD COLUMN link_issued_by VARCHAR(100);
ALTER TABLE survey ADD COLUMN link_issued_at TIMESTAMPTZ;

CREATE TABLE survey_link_issue (
    id          BIGSERIAL PRIMARY KEY,
    survey_id   UUID          NOT NULL REFERENCES survey (id),
    issued_by   VARCHAR(100)  NOT NULL,
    issued_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX survey_link_issue_survey ON survey_link_issue (survey_id, issued_at);
