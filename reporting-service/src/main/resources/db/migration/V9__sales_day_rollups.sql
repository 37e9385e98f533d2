-- Daily totals of the settled orders (issue 15, README "Benchmark"): what the sales trend and the market
-- analysis by region and channel add up for a director or a manager, kept at ingest in the transaction
-- that stores the facts (repository/SalesDayFacts, called with the orders stored now only, so a copy
-- never adds twice), and rebuilt with them (the names contain "_fact": ProjectionRebuildSchema copies
-- them, empty, and the replay fills them through the same code).
--
-- Three tables, one per kind of split, each without the columns its queries never group or filter by,
-- so that a year-wide query reads few rows: on the benchmark's year (250,000 orders / 1,000,000 lines,
-- 8 teams, 40 reps, 4 channels, 8 categories) about 11,700 / 14,600 / 23,400 rows instead of every order
-- (and every line, by category) of the year:
--   sales_day_fact           by team, region, channel (trend unsplit or by team/region/channel; market by region/channel)
--   sales_day_rep_fact       by team and rep (trend by rep)
--   sales_day_category_fact  by team and product category (trend by category)
-- A rep's own reports keep reading the facts (by owner_id: a rep's year is a few thousand orders on the
-- index sales_fact_owner_day), so no table needs the rep next to region, channel and category.
--
-- The grouping columns keep the facts' values as they are, nulls included (a fact without a team,
-- region or channel): the keys are UNIQUE NULLS NOT DISTINCT (PostgreSQL 15), so one row holds the
-- orders of one null group, the queries map null to UNKNOWN exactly as they do over the facts, and a
-- manager's reach filters team = ... on the same values. The category is stored as the trend groups it,
-- COALESCE(category, 'UNKNOWN'): an order is then counted once in a category whatever mix of missing
-- and 'UNKNOWN' categories its lines carry, as COUNT(DISTINCT order_id) counts it over the lines.
--
-- orders: the orders of the group; in the category table, the orders with at least one line in the
-- category. Each order is in exactly one (day, currency, team) group, so summing these counts over teams
-- counts each order once per day (and category), as the facts' COUNT(DISTINCT order_id) does.
--
-- No customer segment: the market by segment attributes sales to the customer's segment as reporting
-- last heard it (sales.customer.updated can change it, and then all of that customer's sales move), so a
-- total frozen at ingest would disagree; it stays on the facts.

CREATE TABLE sales_day_fact (
    day       DATE           NOT NULL,
    currency  VARCHAR(3)     NOT NULL,
    team      VARCHAR(100),
    region    VARCHAR(100),
    channel   VARCHAR(30),
    net       NUMERIC(18, 2) NOT NULL,
    cost      NUMERIC(18, 2) NOT NULL,
    orders    BIGINT         NOT NULL,
    CONSTRAINT sales_day_fact_key UNIQUE NULLS NOT DISTINCT (day, currency, team, region, channel)
);
-- a manager's team by day (the key serves the range over every team)
CREATE INDEX sales_day_fact_team_day ON sales_day_fact (team, day);

CREATE TABLE sales_day_rep_fact (
    day       DATE           NOT NULL,
    currency  VARCHAR(3)     NOT NULL,
    team      VARCHAR(100),
    owner_id  VARCHAR(100)   NOT NULL,
    net       NUMERIC(18, 2) NOT NULL,
    cost      NUMERIC(18, 2) NOT NULL,
    orders    BIGINT         NOT NULL,
    CONSTRAINT sales_day_rep_fact_key UNIQUE NULLS NOT DISTINCT (day, currency, team, owner_id)
);
CREATE INDEX sales_day_rep_fact_team_day ON sales_day_rep_fact (team, day);

CREATE TABLE sales_day_category_fact (
    day       DATE           NOT NULL,
    currency  VARCHAR(3)     NOT NULL,
    team      VARCHAR(100),
    category  VARCHAR(100)   NOT NULL,
    net       NUMERIC(18, 2) NOT NULL,
    cost      NUMERIC(18, 2) NOT NULL,
    orders    BIGINT         NOT NULL,
    CONSTRAINT sales_day_category_fact_key UNIQUE NULLS NOT DISTINCT (day, currency, team, category)
);
CREATE INDEX sales_day_category_fact_team_day ON sales_day_category_fact (team, day);

-- The facts already stored (the same sums as repository/SalesDayFacts adds at ingest).
INSERT INTO sales_day_fact (day, currency, team, region, channel, net, cost, orders)
SELECT settled_on, currency, team, region, channel, SUM(net_amount), SUM(cost_amount), COUNT(*)
FROM sales_fact
GROUP BY settled_on, currency, team, region, channel;

INSERT INTO sales_day_rep_fact (day, currency, team, owner_id, net, cost, orders)
SELECT settled_on, currency, team, owner_id, SUM(net_amount), SUM(cost_amount), COUNT(*)
FROM sales_fact
GROUP BY settled_on, currency, team, owner_id;

INSERT INTO sales_day_category_fact (day, currency, team, category, net, cost, orders)
SELECT f.settled_on, f.currency, f.team, COALESCE(l.category, 'UNKNOWN'), SUM(l.net), SUM(l.cost),
       COUNT(DISTINCT f.order_id)
FROM sales_fact f JOIN sales_fact_line l ON l.order_id = f.order_id
GROUP BY f.settled_on, f.currency, f.team, COALESCE(l.category, 'UNKNOWN');
