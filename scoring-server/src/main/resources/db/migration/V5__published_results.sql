-- Craftmark schema, part 5: what was published. Each publication (and, later, each change after an
-- upheld appeal) freezes every event's leaderboard as a numbered version, so 公示 can be quoted exactly.

CREATE TABLE published_results (
    event_id      BIGINT   NOT NULL,
    version       INT      NOT NULL,
    feed_seq      BIGINT   NOT NULL,
    published_at  BIGINT   NOT NULL,
    rows_json     TEXT     NOT NULL,
    PRIMARY KEY (event_id, version),
    CONSTRAINT fk_published_results_event FOREIGN KEY (event_id) REFERENCES events (id)
) DEFAULT CHARSET=utf8mb4;
