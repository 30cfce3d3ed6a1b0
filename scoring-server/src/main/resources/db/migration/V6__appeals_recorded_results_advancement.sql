-- Craftmark schema, part 6: after the contest — appeals (申诉) during 公示, results recorded from
-- contests run elsewhere, and when a contest's winners advanced to the next tier.

-- An appeal against an entry's published result. It names the results version it disputes; once
-- resolved it keeps the decision, the note, who and when. An UPHELD appeal reopens its event for the
-- chief judge's corrections until a new results version is published (corrected_in_version).
CREATE TABLE appeals (
    id                    BIGINT         NOT NULL AUTO_INCREMENT,
    contest_id            BIGINT         NOT NULL,
    event_id              BIGINT         NOT NULL,
    entry_id              BIGINT         NOT NULL,
    reason                VARCHAR(1000)  NOT NULL,
    status                VARCHAR(16)    NOT NULL,
    disputed_version      INT            NOT NULL,
    filed_by              BIGINT         NOT NULL,
    filed_at              BIGINT         NOT NULL,
    note                  VARCHAR(1000)  NULL,
    resolved_by           BIGINT         NULL,
    resolved_at           BIGINT         NULL,
    corrected_in_version  INT            NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_appeals_contest FOREIGN KEY (contest_id) REFERENCES contests (id),
    CONSTRAINT fk_appeals_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_appeals_entry FOREIGN KEY (entry_id) REFERENCES entries (id),
    CONSTRAINT fk_appeals_filed_by FOREIGN KEY (filed_by) REFERENCES users (id),
    CONSTRAINT fk_appeals_resolved_by FOREIGN KEY (resolved_by) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_appeals_contest ON appeals (contest_id);
CREATE INDEX ix_appeals_event ON appeals (event_id);

-- Ranks of an event whose contest was run elsewhere (WORLD, or a national final on another system):
-- they stand in for marks. total is what that system reported, if anything.
CREATE TABLE recorded_results (
    event_id    BIGINT        NOT NULL,
    entry_id    BIGINT        NOT NULL,
    entry_rank  INT           NOT NULL,
    total       DECIMAL(7,2)  NULL,
    PRIMARY KEY (event_id, entry_id),
    CONSTRAINT fk_recorded_results_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_recorded_results_entry FOREIGN KEY (entry_id) REFERENCES entries (id)
) DEFAULT CHARSET=utf8mb4;

ALTER TABLE events ADD COLUMN recorded BOOLEAN NOT NULL DEFAULT FALSE;

-- When the contest became FINAL, and when its winners advanced (null until then).
ALTER TABLE contests ADD COLUMN finalized_at BIGINT NULL;
ALTER TABLE contests ADD COLUMN advanced_at BIGINT NULL;
