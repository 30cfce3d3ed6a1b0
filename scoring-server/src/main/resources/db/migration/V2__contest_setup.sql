-- Craftmark schema, part 2: the season's setup — contests at three tiers, their events with marking
-- schemes, the people entered and the judges' panels — and the audit log that records every change.

CREATE TABLE contests (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(200)  NOT NULL,
    contest_year    INT           NOT NULL,
    tier            VARCHAR(16)   NOT NULL,
    region_code     VARCHAR(6)    NOT NULL,
    category        VARCHAR(16)   NOT NULL,
    feeds_into      BIGINT        NULL,
    visibility      VARCHAR(16)   NOT NULL,
    notice_days     INT           NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    published_at    BIGINT        NULL,
    notice_ends_at  BIGINT        NULL,
    results_version INT           NOT NULL DEFAULT 0,
    created_at      BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_contests_region FOREIGN KEY (region_code) REFERENCES regions (code),
    CONSTRAINT fk_contests_feeds_into FOREIGN KEY (feeds_into) REFERENCES contests (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_contests_region ON contests (region_code);

CREATE TABLE events (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    contest_id        BIGINT        NOT NULL,
    occupation_code   VARCHAR(20)   NOT NULL,
    occupation_name   VARCHAR(100)  NOT NULL,
    entry_group       VARCHAR(16)   NOT NULL,
    mode              VARCHAR(16)   NOT NULL,
    team_size         INT           NULL,
    advance_quota     INT           NULL,
    advance_min_score DECIMAL(7,2)  NULL,
    tie_break         VARCHAR(400)  NOT NULL,
    locked            BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at        BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_events_contest FOREIGN KEY (contest_id) REFERENCES contests (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_events_contest ON events (contest_id);

-- One line of an event's marking scheme (评分表), in the organizer's order.
CREATE TABLE criteria (
    event_id    BIGINT        NOT NULL,
    position    INT           NOT NULL,
    code        VARCHAR(20)   NOT NULL,
    module      VARCHAR(20)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    kind        VARCHAR(16)   NOT NULL,
    max_mark    DECIMAL(5,2)  NOT NULL,
    method      VARCHAR(16)   NOT NULL,
    judges      INT           NOT NULL,
    trim_count  INT           NOT NULL,
    PRIMARY KEY (event_id, position),
    CONSTRAINT fk_criteria_event FOREIGN KEY (event_id) REFERENCES events (id)
) DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_criteria_code ON criteria (event_id, code);

-- A person is one row per resident ID, shared by all their entries across contests and tiers.
CREATE TABLE persons (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    id_number   CHAR(18)      NOT NULL,
    name        VARCHAR(50)   NOT NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_persons_id_number ON persons (id_number);

CREATE TABLE entries (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    event_id           BIGINT        NOT NULL,
    bib                VARCHAR(20)   NOT NULL,
    team_name          VARCHAR(100)  NULL,
    status             VARCHAR(8)    NOT NULL,
    status_reason      VARCHAR(500)  NULL,
    completion_seconds INT           NULL,
    home_region_code   VARCHAR(6)    NOT NULL,
    source_entry_id    BIGINT        NULL,
    source_rank        INT           NULL,
    created_at         BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_entries_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_entries_home_region FOREIGN KEY (home_region_code) REFERENCES regions (code),
    CONSTRAINT fk_entries_source FOREIGN KEY (source_entry_id) REFERENCES entries (id)
) DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_entries_bib ON entries (event_id, bib);

-- The competitor(s) of an entry: one row for an individual, teamSize rows for a team. Employer,
-- training unit and level belong to the entry, as the person gave them when registering.
CREATE TABLE entry_members (
    entry_id       BIGINT        NOT NULL,
    position       INT           NOT NULL,
    event_id       BIGINT        NOT NULL,
    person_id      BIGINT        NOT NULL,
    employer       VARCHAR(200)  NULL,
    training_unit  VARCHAR(200)  NULL,
    current_level  VARCHAR(8)    NOT NULL,
    PRIMARY KEY (entry_id, position),
    CONSTRAINT fk_entry_members_entry FOREIGN KEY (entry_id) REFERENCES entries (id),
    CONSTRAINT fk_entry_members_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_entry_members_person FOREIGN KEY (person_id) REFERENCES persons (id)
) DEFAULT CHARSET=utf8mb4;

-- A person appears once per event, whatever the entry.
CREATE UNIQUE INDEX ux_entry_members_person ON entry_members (event_id, person_id);
CREATE INDEX ix_entry_members_person ON entry_members (person_id);

CREATE TABLE panel_members (
    event_id    BIGINT        NOT NULL,
    user_id     BIGINT        NOT NULL,
    panel_role  VARCHAR(8)    NOT NULL,
    criteria    VARCHAR(400)  NULL,
    created_at  BIGINT        NOT NULL,
    PRIMARY KEY (event_id, user_id),
    CONSTRAINT fk_panel_members_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_panel_members_user FOREIGN KEY (user_id) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_panel_members_user ON panel_members (user_id);

-- Append-only SHA-256 hash chain: each row's hash covers its content and the previous hash.
CREATE TABLE audit_log (
    seq         BIGINT        NOT NULL,
    at          BIGINT        NOT NULL,
    actor       VARCHAR(64)   NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    subject     VARCHAR(100)  NOT NULL,
    contest_id  BIGINT        NULL,
    data        TEXT          NOT NULL,
    prev_hash   CHAR(64)      NOT NULL,
    hash        CHAR(64)      NOT NULL,
    PRIMARY KEY (seq)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_audit_log_contest ON audit_log (contest_id);

-- The chain's head, one row: appending locks it (SELECT … FOR UPDATE), so appends are serialised
-- and every seq follows the one before it, also across server instances.
CREATE TABLE audit_head (
    id    INT       NOT NULL,
    seq   BIGINT    NOT NULL,
    hash  CHAR(64)  NOT NULL,
    PRIMARY KEY (id)
) DEFAULT CHARSET=utf8mb4;

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
