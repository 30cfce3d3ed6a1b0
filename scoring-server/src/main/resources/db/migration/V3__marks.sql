-- Craftmark schema, part 3: judges' marks. Append-only: a judge's new mark for an entry and
-- criterion is a new version; the highest version is current; nothing is ever deleted.

CREATE TABLE marks (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    judge_user_id   BIGINT        NOT NULL,
    client_mark_id  VARCHAR(64)   NOT NULL,
    event_id        BIGINT        NOT NULL,
    entry_id        BIGINT        NOT NULL,
    criterion_code  VARCHAR(20)   NOT NULL,
    version         INT           NOT NULL,
    mark_value      DECIMAL(5,2)  NOT NULL,
    device_id       VARCHAR(64)   NULL,
    corrected_by    BIGINT        NULL,
    reason          VARCHAR(500)  NULL,
    created_at      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_marks_judge FOREIGN KEY (judge_user_id) REFERENCES users (id),
    CONSTRAINT fk_marks_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_marks_entry FOREIGN KEY (entry_id) REFERENCES entries (id),
    CONSTRAINT fk_marks_corrected_by FOREIGN KEY (corrected_by) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

-- Idempotency: a tablet's clientMarkId names one mark, for good, across restarts.
CREATE UNIQUE INDEX ux_marks_client ON marks (judge_user_id, client_mark_id);
CREATE UNIQUE INDEX ux_marks_version ON marks (entry_id, criterion_code, judge_user_id, version);
CREATE INDEX ix_marks_event ON marks (event_id);
