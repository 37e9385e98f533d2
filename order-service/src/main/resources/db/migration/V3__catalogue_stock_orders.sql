CREATE TABLE product (
    sku        VARCHAR(64) PRIMARY KEY,
    name       VARCHAR(200)   NOT NULL,
    category   VARCHAR(100)   NOT NULL,
    list_price NUMERIC(14, 2) NOT NULL CHECK (list_price >= 0),
    unit_cost  NUMERIC(14, 2) NOT NULL CHECK (unit_cost >= 0),
    currency   VARCHAR(3)     NOT NULL,
    active     BOOLEAN        NOT NULL,
    created_at TIMESTAMPTZ    NOT NULL,
    version    BIGINT         NOT NULL
);

CREATE TABLE stock_level (
    sku        VARCHAR(64) NOT NULL REFERENCES product (sku),
    warehouse  VARCHAR(64) NOT NULL,
    on_hand    INT         NOT NULL CHECK (on_hand >= 0),
    reserved   INT         NOT NULL CHECK (reserved >= 0),
    updated_at TIMESTAMPTZ NOT NULL,
    version    BIGINT      NOT NULL,
    PRIMARY KEY (sku, warehouse),
    -- Stock never goes negative and never promises more than it holds, whatever the races.
    CHECK (reserved <= on_hand)
);

CREATE TABLE goods_receipt (
    id          UUID PRIMARY KEY,
    sku         VARCHAR(64)  NOT NULL REFERENCES product (sku),
    warehouse   VARCHAR(64)  NOT NULL,
    quantity    INT          NOT NULL CHECK (quantity > 0),
    reference   VARCHAR(100),
    received_by VARCHAR(100) NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);

CREATE SEQUENCE order_number_seq;

CREATE TABLE sales_order (
    id                  UUID PRIMARY KEY,
    order_number        VARCHAR(32)    NOT NULL UNIQUE,
    customer_id         UUID           NOT NULL REFERENCES customer_replica (id),
    customer_name       VARCHAR(200)   NOT NULL,
    opportunity_id      UUID,
    owner_id            VARCHAR(100)   NOT NULL,
    team                VARCHAR(100),
    region              VARCHAR(100),
    channel             VARCHAR(20)    NOT NULL,
    currency            VARCHAR(3)     NOT NULL,
    payment_terms       VARCHAR(20)    NOT NULL,
    requested_ship_date DATE,
    shipping_address    VARCHAR(500)   NOT NULL,
    status              VARCHAR(20)    NOT NULL,
    net_amount          NUMERIC(14, 2) NOT NULL,
    cost_amount         NUMERIC(14, 2) NOT NULL,
    invoiced_amount     NUMERIC(14, 2) NOT NULL,
    paid_amount         NUMERIC(14, 2) NOT NULL,
    refunded_amount     NUMERIC(14, 2) NOT NULL,
    approval_policy_version INT,
    fulfilment_policy_version INT,
    submitted_by        VARCHAR(100),
    submitted_at        TIMESTAMPTZ,
    approved_at         TIMESTAMPTZ,
    ship_by             DATE,
    shipped_at          TIMESTAMPTZ,
    settled_at          TIMESTAMPTZ,
    cancelled_at        TIMESTAMPTZ,
    rejection_reason    VARCHAR(2000),
    created_at          TIMESTAMPTZ    NOT NULL,
    updated_at          TIMESTAMPTZ    NOT NULL,
    version             BIGINT         NOT NULL,
    CHECK (paid_amount <= net_amount),
    CHECK (refunded_amount <= paid_amount)
);
CREATE INDEX sales_order_owner ON sales_order (owner_id);
CREATE INDEX sales_order_team ON sales_order (team, status);
CREATE INDEX sales_order_customer ON sales_order (customer_id, status);

CREATE TABLE order_line (
    order_id     UUID           NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
    line_no      INT            NOT NULL,
    sku          VARCHAR(64)    NOT NULL,
    product_name VARCHAR(200)   NOT NULL,
    category     VARCHAR(100)   NOT NULL,
    quantity     INT            NOT NULL CHECK (quantity > 0),
    list_price   NUMERIC(14, 2) NOT NULL,
    unit_price   NUMERIC(14, 2) NOT NULL,
    discount_pct NUMERIC(5, 2)  NOT NULL CHECK (discount_pct >= 0 AND discount_pct <= 100),
    unit_cost    NUMERIC(14, 2) NOT NULL,
    net_amount   NUMERIC(14, 2) NOT NULL,
    cost_amount  NUMERIC(14, 2) NOT NULL,
    shipped_qty  INT            NOT NULL CHECK (shipped_qty >= 0 AND shipped_qty <= quantity),
    invoiced_qty INT            NOT NULL CHECK (invoiced_qty >= 0 AND invoiced_qty <= shipped_qty),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE approval_step (
    order_id       UUID         NOT NULL REFERENCES sales_order (id) ON DELETE CASCADE,
    round          INT          NOT NULL,
    step_no        INT          NOT NULL,
    role           VARCHAR(50)  NOT NULL,
    reason         VARCHAR(500) NOT NULL,
    status         VARCHAR(20)  NOT NULL,
    decided_by     VARCHAR(100),
    on_behalf_of   VARCHAR(100),
    decided_at     TIMESTAMPTZ,
    comment        VARCHAR(2000),
    PRIMARY KEY (order_id, round, step_no)
);

CREATE TABLE stock_reservation (
    id        UUID PRIMARY KEY,
    order_id  UUID        NOT NULL REFERENCES sales_order (id),
    line_no   INT         NOT NULL,
    sku       VARCHAR(64) NOT NULL,
    warehouse VARCHAR(64) NOT NULL,
    quantity  INT         NOT NULL CHECK (quantity >= 0),
    status    VARCHAR(20) NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX stock_reservation_order ON stock_reservation (order_id);

CREATE TABLE shipment (
    id              UUID PRIMARY KEY,
    order_id        UUID         NOT NULL REFERENCES sales_order (id),
    carrier         VARCHAR(100) NOT NULL,
    tracking_number VARCHAR(100) NOT NULL,
    shipped_by      VARCHAR(100) NOT NULL,
    shipped_at      TIMESTAMPTZ  NOT NULL,
    lines           TEXT         NOT NULL
);

CREATE SEQUENCE invoice_number_seq;
CREATE TABLE invoice (
    id             UUID PRIMARY KEY,
    invoice_number VARCHAR(32)    NOT NULL UNIQUE,
    order_id       UUID           NOT NULL REFERENCES sales_order (id),
    amount         NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    lines          TEXT           NOT NULL,
    issued_by      VARCHAR(100)   NOT NULL,
    issued_at      TIMESTAMPTZ    NOT NULL,
    due_date       DATE           NOT NULL
);

CREATE TABLE payment (
    id          UUID PRIMARY KEY,
    order_id    UUID           NOT NULL REFERENCES sales_order (id),
    amount      NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    method      VARCHAR(30)    NOT NULL,
    reference   VARCHAR(100),
    recorded_by VARCHAR(100)   NOT NULL,
    received_at TIMESTAMPTZ    NOT NULL
);

CREATE TABLE refund (
    id          UUID PRIMARY KEY,
    order_id    UUID           NOT NULL REFERENCES sales_order (id),
    amount      NUMERIC(14, 2) NOT NULL CHECK (amount > 0),
    reason      VARCHAR(500)   NOT NULL,
    recorded_by VARCHAR(100)   NOT NULL,
    refunded_at TIMESTAMPTZ    NOT NULL
);

CREATE TABLE order_history (
    id             BIGSERIAL PRIMARY KEY,
    order_id       UUID          NOT NULL REFERENCES sales_order (id),
    at             TIMESTAMPTZ   NOT NULL,
    actor          VARCHAR(100)  NOT NULL,
    on_behalf_of   VARCHAR(100),
    action         VARCHAR(50)   NOT NULL,
    detail         VARCHAR(2000),
    policy_key     VARCHAR(100),
    policy_version INT
);
CREATE INDEX order_history_order ON order_history (order_id, id);

INSERT INTO policy_version (policy_key, version, content, status, effective_from, author, approver, rationale, review_due_at, created_at, decided_at)
VALUES ('order.approval', 1,
        '{"maxDiscountPct":40,"manager":{"discountAbovePct":10,"authorityMaxDiscountPct":25},"director":{"discountAbovePct":25,"orderTotalAbove":200000},"finance":{"whenExposureOverLimit":true},"orderReviewer":{"standardPaymentTerms":["PREPAID","NET30"]}}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, sections 3.2 and 6.2', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now()),
       ('order.fulfilment', 1,
        '{"shipWithinBusinessDays":3,"paymentDueDays":{"PREPAID":0,"NET30":30,"NET60":60,"NET90":90}}',
        'ACTIVE', TIMESTAMPTZ '2026-01-01 00:00:00+00', 'policy-seed', 'policy-seed',
        'Version 1 as adopted with the sales-affairs policy, section 3.2 (execution within set time limits)', TIMESTAMPTZ '2027-01-01 00:00:00+00', now(), now());
