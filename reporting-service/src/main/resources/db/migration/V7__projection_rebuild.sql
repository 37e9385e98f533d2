-- Rebuilding the read models (issue 15, capability 1): an admin replays the consumed topics from the
-- start into fresh tables in schema read_model_rebuild, which are swapped in for the public ones at the
-- end. These tables hold the progress, and the offsets below which a swapped-in rebuild already holds
-- the effect of every event (the live consumers skip those, see ProjectionRebuildGate).

CREATE TABLE projection_rebuild (
    id             UUID           PRIMARY KEY,
    state          VARCHAR(20)    NOT NULL CHECK (state IN ('RUNNING', 'SWAPPED', 'FAILED')),
    phase          VARCHAR(20)    NOT NULL CHECK (phase IN ('PREPARING', 'REPLAYING', 'CATCHING_UP', 'SWAPPING', 'DONE')),
    requested_by   VARCHAR(100)   NOT NULL,
    channels       VARCHAR(2000)  NOT NULL DEFAULT '',
    tables         VARCHAR(4000)  NOT NULL DEFAULT '',
    events_read    BIGINT         NOT NULL DEFAULT 0,
    events_failed  BIGINT         NOT NULL DEFAULT 0,
    started_at     TIMESTAMPTZ    NOT NULL,
    updated_at     TIMESTAMPTZ    NOT NULL,
    swapped_at     TIMESTAMPTZ,
    finished_at    TIMESTAMPTZ,
    error          VARCHAR(2000)
);
-- One rebuild at a time, across instances: a second RUNNING row is refused by the database.
CREATE UNIQUE INDEX projection_rebuild_one_running ON projection_rebuild ((state)) WHERE state = 'RUNNING';
CREATE INDEX projection_rebuild_started ON projection_rebuild (started_at DESC);

-- Per topic-partition: the next offset the rebuild reads and the end it replays to (the end moves
-- forward at the catch-up before the swap).
CREATE TABLE projection_rebuild_partition (
    rebuild_id    UUID          NOT NULL REFERENCES projection_rebuild (id) ON DELETE CASCADE,
    channel       VARCHAR(100)  NOT NULL,
    topic         VARCHAR(249)  NOT NULL,
    partition_no  INT           NOT NULL,
    position      BIGINT        NOT NULL,
    end_offset    BIGINT        NOT NULL,
    PRIMARY KEY (rebuild_id, topic, partition_no)
);

-- Written in the swap's transaction: every event of the partition below applied_before is in the
-- swapped-in tables, so a live consumer that is behind acknowledges those without applying them again.
CREATE TABLE projection_watermark (
    topic           VARCHAR(249)  NOT NULL,
    partition_no    INT           NOT NULL,
    applied_before  BIGINT        NOT NULL,
    rebuild_id      UUID          NOT NULL,
    PRIMARY KEY (topic, partition_no)
);

-- The live consumers' gate, in one round trip: wait while a swap holds the lock exclusively, then read
-- the partition's watermark in a statement of its own (a VOLATILE function's statements take a fresh
-- snapshot, after the lock, so a swap that just committed is seen). -1 when no rebuild was swapped in.
CREATE FUNCTION projection_gate(lock_key BIGINT, topic_name TEXT, partition_number INT) RETURNS BIGINT
    LANGUAGE plpgsql VOLATILE AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(lock_key);
    RETURN COALESCE((SELECT w.applied_before FROM projection_watermark w
                     WHERE w.topic = topic_name AND w.partition_no = partition_number), -1);
END
$$;
