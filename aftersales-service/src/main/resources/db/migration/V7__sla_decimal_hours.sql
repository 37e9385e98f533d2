-- aftersales.sla limits may be decimal business hours with at most two decimals (0.5 = 30 minutes,
-- 0.02 = 72 seconds): the budgets stored on a case when it opens are widened from whole hours.
-- Existing values keep their meaning (24 becomes 24.00); the policy contents need no change.
ALTER TABLE service_case ALTER COLUMN response_hours TYPE NUMERIC(7, 2);
ALTER TABLE service_case ALTER COLUMN resolution_hours TYPE NUMERIC(7, 2);
