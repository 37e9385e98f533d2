-- order-service's copy of opportunities that were closed, kept from sales.opportunity.won.v1,
-- .lost.v1 and .reopened.v1 on sales.opportunity.events. An order may name a WON opportunity of its
-- own customer (rules order.opportunity-known, order.opportunity-customer, order.opportunity-won).
-- fact_version is the opportunity's version in the fact last applied: an older fact arriving late
-- is ignored.
CREATE TABLE opportunity_replica (
    id           UUID PRIMARY KEY,
    customer_id  UUID         NOT NULL,
    status       VARCHAR(16)  NOT NULL CHECK (status IN ('WON', 'LOST', 'REOPENED')),
    stage        VARCHAR(32)  NOT NULL,
    assignee_id  VARCHAR(100),
    team         VARCHAR(100),
    region       VARCHAR(100),
    currency     VARCHAR(3),
    closed_at    TIMESTAMPTZ,
    fact_version BIGINT       NOT NULL,
    fact_type    VARCHAR(100) NOT NULL,
    fact_time    TIMESTAMPTZ  NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX opportunity_replica_customer ON opportunity_replica (customer_id);

-- The lines the opportunity was won with (what the rep turns into orders); none unless WON.
CREATE TABLE opportunity_replica_line (
    opportunity_id UUID          NOT NULL REFERENCES opportunity_replica (id) ON DELETE CASCADE,
    line_no        INT           NOT NULL,
    sku            VARCHAR(64)   NOT NULL,
    quantity       INT           NOT NULL CHECK (quantity > 0),
    unit_price     NUMERIC(14, 2),
    PRIMARY KEY (opportunity_id, line_no)
);
