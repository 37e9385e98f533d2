-- Indexes for the scoped reports (issue 15). A sales rep's reports read their own facts by owner and day
-- (TeamReach: owner_id = the rep); V3 already indexes sales_fact, refund_fact and feedback_fact on (owner_id, day)
-- for the reps' report figures, and V2 on (day, team) for managers, so trend and market need nothing more.
-- H2a owns this file; H2b appends its pipeline/performance indexes below.

-- H2b: pipeline, performance and the after-sales summary's SLA and satisfaction blocks.
-- A rep's open pipeline (assignee), won/lost by close time, open opportunities by expected close day.
CREATE INDEX opportunity_fact_assignee_stage ON opportunity_fact (assignee_id, stage);
CREATE INDEX opportunity_fact_closed ON opportunity_fact (closed_at) WHERE stage IN ('WON', 'LOST');
CREATE INDEX opportunity_fact_expected_close ON opportunity_fact (expected_close_date)
    WHERE stage IN ('QUALIFICATION', 'NEEDS_ANALYSIS', 'PROPOSAL', 'NEGOTIATION');
CREATE INDEX opportunity_stage_fact_entered ON opportunity_stage_fact (entered_at);
-- Targets of a level and subject (the company, a team, a rep).
CREATE INDEX target_fact_level_subject ON target_fact (level, subject);
-- Cases by resolution time (team or owner), surveys of a rep by day.
CREATE INDEX case_fact_resolved_team ON case_fact (resolved_at, team);
CREATE INDEX case_fact_owner_resolved ON case_fact (owner_id, resolved_at);
CREATE INDEX survey_fact_rep_day ON survey_fact (rep_id, answered_on);
