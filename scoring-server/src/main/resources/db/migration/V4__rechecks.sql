-- Craftmark schema, part 4: rechecks (复核). The chief judge re-examines every entry ranked in the
-- top 10 and a seeded random sample of the rest; the seed is kept so the draw can be repeated.
-- A recheck is finished when every item has an outcome; an event with an unfinished recheck cannot
-- be locked. Nothing is deleted: an event's later rechecks are new rows.

CREATE TABLE rechecks (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    event_id    BIGINT        NOT NULL,
    sample_seed BIGINT        NOT NULL,
    started_by  BIGINT        NOT NULL,
    started_at  BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_rechecks_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_rechecks_started_by FOREIGN KEY (started_by) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_rechecks_event ON rechecks (event_id);

-- One entry picked for a recheck: why (TOP_10 | SAMPLE), and the chief's outcome once recorded
-- (CONFIRMED | CORRECTED, null until then).
CREATE TABLE recheck_items (
    recheck_id   BIGINT        NOT NULL,
    entry_id     BIGINT        NOT NULL,
    position     INT           NOT NULL,
    why          VARCHAR(8)    NOT NULL,
    outcome      VARCHAR(16)   NULL,
    note         VARCHAR(500)  NULL,
    recorded_by  BIGINT        NULL,
    recorded_at  BIGINT        NULL,
    PRIMARY KEY (recheck_id, entry_id),
    CONSTRAINT fk_recheck_items_recheck FOREIGN KEY (recheck_id) REFERENCES rechecks (id),
    CONSTRAINT fk_recheck_items_entry FOREIGN KEY (entry_id) REFERENCES entries (id),
    CONSTRAINT fk_recheck_items_recorded_by FOREIGN KEY (recorded_by) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_recheck_items_entry ON recheck_items (entry_id);
