-- A refund is attributed to the order lines it gives money back on (sales.order.refunded.v1 carries
-- them, so KPIs and reports take it off the right product categories): JSON list of
-- {lineNo, sku, category, quantity, netAmount}, the parts adding up to the refund's amount.
-- Refunds recorded before this column hold NULL: they are attributed pro rata when read, as a
-- refund without lines is now.
ALTER TABLE refund ADD COLUMN lines TEXT;
