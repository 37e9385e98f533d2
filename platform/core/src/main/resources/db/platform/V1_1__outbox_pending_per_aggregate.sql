-- The relay skips events queued behind an earlier, backed-off event of the same aggregate.
CREATE INDEX outbox_event_pending_aggregate ON outbox_event (aggregate_id, id) WHERE published_at IS NULL;
