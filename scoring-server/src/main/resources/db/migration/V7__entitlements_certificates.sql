-- Craftmark schema, part 7: what winners get at FINAL (以赛代评 and awards) — award policies of paying
-- regions, one entitlement row per ranked person, and the skill-level certificates issued for them.

-- A paying region's cash awards for results of one tier, in whole yuan.
CREATE TABLE award_policies (
    region_code  VARCHAR(6)   NOT NULL,
    tier         VARCHAR(16)  NOT NULL,
    gold         BIGINT       NOT NULL,
    silver       BIGINT       NOT NULL,
    bronze       BIGINT       NOT NULL,
    unit_amount  BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL,
    PRIMARY KEY (region_code, tier),
    CONSTRAINT fk_award_policies_region FOREIGN KEY (region_code) REFERENCES regions (code)
) DEFAULT CHARSET=utf8mb4;

-- One ranked person of one entry of a FINAL contest, even when it grants nothing. The unique key is
-- what keeps a repeated finalization from issuing anything twice.
CREATE TABLE entitlements (
    id                BIGINT        NOT NULL AUTO_INCREMENT,
    contest_id        BIGINT        NOT NULL,
    event_id          BIGINT        NOT NULL,
    entry_id          BIGINT        NOT NULL,
    person_id         BIGINT        NOT NULL,
    member_position   INT           NOT NULL,
    contest_year      INT           NOT NULL,
    results_version   INT           NOT NULL,
    home_region_code  VARCHAR(6)    NOT NULL,
    entry_rank        INT           NOT NULL,
    entry_total       DECIMAL(7,2)  NULL,
    prize             VARCHAR(16)   NULL,
    level_awarded     VARCHAR(8)    NULL,
    level_reason      VARCHAR(32)   NULL,
    title             VARCHAR(100)  NULL,
    individual_award  BIGINT        NOT NULL,
    unit_award        BIGINT        NOT NULL,
    unit_name         VARCHAR(200)  NULL,
    created_at        BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_entitlements_contest FOREIGN KEY (contest_id) REFERENCES contests (id),
    CONSTRAINT fk_entitlements_event FOREIGN KEY (event_id) REFERENCES events (id),
    CONSTRAINT fk_entitlements_entry FOREIGN KEY (entry_id) REFERENCES entries (id),
    CONSTRAINT fk_entitlements_person FOREIGN KEY (person_id) REFERENCES persons (id),
    CONSTRAINT fk_entitlements_home_region FOREIGN KEY (home_region_code) REFERENCES regions (code)
) DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_entitlements_entry_person ON entitlements (entry_id, person_id);
CREATE INDEX ix_entitlements_contest ON entitlements (contest_id);
CREATE INDEX ix_entitlements_person ON entitlements (person_id, contest_year);

-- What each paying region pays on an entitlement row.
CREATE TABLE entitlement_awards (
    entitlement_id     BIGINT      NOT NULL,
    payer_region_code  VARCHAR(6)  NOT NULL,
    individual         BIGINT      NOT NULL,
    unit_amount        BIGINT      NOT NULL,
    PRIMARY KEY (entitlement_id, payer_region_code),
    CONSTRAINT fk_entitlement_awards_entitlement FOREIGN KEY (entitlement_id) REFERENCES entitlements (id),
    CONSTRAINT fk_entitlement_awards_payer FOREIGN KEY (payer_region_code) REFERENCES regions (code)
) DEFAULT CHARSET=utf8mb4;

-- The next free sequence of each certificate-number prefix; its row is locked while numbers are
-- allocated, so numbers are never handed out twice nor skipped, also by several server nodes.
CREATE TABLE certificate_sequences (
    prefix         CHAR(16)  NOT NULL,
    last_sequence  INT       NOT NULL,
    PRIMARY KEY (prefix)
) DEFAULT CHARSET=utf8mb4;

-- A skill-level certificate (职业技能等级证书) for an awarded level. Never deleted: revoking keeps it,
-- REVOKED, with who, when and why.
CREATE TABLE certificates (
    number           CHAR(22)      NOT NULL,
    prefix           CHAR(16)      NOT NULL,
    sequence_no      INT           NOT NULL,
    entitlement_id   BIGINT        NOT NULL,
    contest_id       BIGINT        NOT NULL,
    person_id        BIGINT        NOT NULL,
    holder_name      VARCHAR(50)   NOT NULL,
    occupation_code  VARCHAR(20)   NOT NULL,
    occupation_name  VARCHAR(100)  NOT NULL,
    skill_level      VARCHAR(8)    NOT NULL,
    issuer           VARCHAR(100)  NOT NULL,
    issued_on        VARCHAR(10)   NOT NULL,
    status           VARCHAR(8)    NOT NULL,
    revoked_at       BIGINT        NULL,
    revoked_by       BIGINT        NULL,
    revoke_reason    VARCHAR(500)  NULL,
    created_at       BIGINT        NOT NULL,
    PRIMARY KEY (number),
    CONSTRAINT fk_certificates_entitlement FOREIGN KEY (entitlement_id) REFERENCES entitlements (id),
    CONSTRAINT fk_certificates_contest FOREIGN KEY (contest_id) REFERENCES contests (id),
    CONSTRAINT fk_certificates_person FOREIGN KEY (person_id) REFERENCES persons (id),
    CONSTRAINT fk_certificates_revoked_by FOREIGN KEY (revoked_by) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_certificates_sequence ON certificates (prefix, sequence_no);
CREATE UNIQUE INDEX ux_certificates_entitlement ON certificates (entitlement_id);
CREATE INDEX ix_certificates_contest ON certificates (contest_id);
CREATE INDEX ix_certificates_person ON certificates (person_id);
