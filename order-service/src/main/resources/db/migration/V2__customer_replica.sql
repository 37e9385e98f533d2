-- order-service's copy of customers, kept from sales.customer.* events, plus what finance owns here.
CREATE TABLE customer_replica (
    id           UUID PRIMARY KEY,
    name         VARCHAR(200) NOT NULL,
    owner_id     VARCHAR(100) NOT NULL,
    team         VARCHAR(100),
    region       VARCHAR(100),
    fact_version BIGINT       NOT NULL,
    credit_limit NUMERIC(14, 2),
    blocked      BOOLEAN      NOT NULL DEFAULT FALSE,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL DEFAULT 0
);
