-- A partially shipped order can be short-closed: the unshipped rest of each line is cancelled
-- (cancelled_qty), its reservation released, and the order counts as shipped for what shipped.
-- short_closed_at says when; the order's net_amount and cost_amount become what the lines sold.
ALTER TABLE order_line ADD COLUMN cancelled_qty INT NOT NULL DEFAULT 0;
ALTER TABLE order_line ADD CONSTRAINT order_line_cancelled_qty
    CHECK (cancelled_qty >= 0 AND shipped_qty + cancelled_qty <= quantity);
ALTER TABLE sales_order ADD COLUMN short_closed_at TIMESTAMPTZ;
