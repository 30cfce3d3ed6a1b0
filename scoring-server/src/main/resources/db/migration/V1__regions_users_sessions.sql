-- Craftmark schema, part 1: who can sign in, and the regions they are scoped to.
-- Portable between MySQL/MariaDB and H2 (MODE=MySQL), and parseable by jOOQ's DDLDatabase:
-- indexes as separate statements, no UNSIGNED, instants as BIGINT epoch milliseconds (exact on
-- every server: Connector/J on MariaDB drops fractional seconds of DATETIME(3)).

CREATE TABLE regions (
    code        VARCHAR(6)   NOT NULL,
    name        VARCHAR(64)  NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    parent_code VARCHAR(6)   NULL,
    created_at  BIGINT       NOT NULL,
    PRIMARY KEY (code),
    CONSTRAINT fk_regions_parent FOREIGN KEY (parent_code) REFERENCES regions (code)
) DEFAULT CHARSET=utf8mb4;

CREATE TABLE users (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    username      VARCHAR(64)   NOT NULL,
    password_hash VARCHAR(255)  NOT NULL,
    role          VARCHAR(16)   NOT NULL,
    display_name  VARCHAR(100)  NOT NULL,
    region_code   VARCHAR(6)    NULL,
    affiliation   VARCHAR(200)  NULL,
    created_at    BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_users_region FOREIGN KEY (region_code) REFERENCES regions (code)
) DEFAULT CHARSET=utf8mb4;

CREATE UNIQUE INDEX ux_users_username ON users (username);

-- Bearer tokens and WebSocket tickets are stored as SHA-256 hashes: a leaked table grants nothing.
CREATE TABLE auth_tokens (
    token_hash  CHAR(64)  NOT NULL,
    user_id     BIGINT    NOT NULL,
    created_at  BIGINT    NOT NULL,
    expires_at  BIGINT    NOT NULL,
    PRIMARY KEY (token_hash),
    CONSTRAINT fk_auth_tokens_user FOREIGN KEY (user_id) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_auth_tokens_expires ON auth_tokens (expires_at);

CREATE TABLE ws_tickets (
    ticket_hash CHAR(64)  NOT NULL,
    user_id     BIGINT    NOT NULL,
    expires_at  BIGINT    NOT NULL,
    used        BOOLEAN   NOT NULL DEFAULT FALSE,
    PRIMARY KEY (ticket_hash),
    CONSTRAINT fk_ws_tickets_user FOREIGN KEY (user_id) REFERENCES users (id)
) DEFAULT CHARSET=utf8mb4;

CREATE INDEX ix_ws_tickets_expires ON ws_tickets (expires_at);
