-- Foundation schema: accounts, sign-in sessions with rotating refresh tokens, brute-force throttling, audit log.
-- Portable between H2 2.x and PostgreSQL 12+.

CREATE TABLE user_account (
    id                 VARCHAR(36)              NOT NULL PRIMARY KEY,
    username           VARCHAR(64)              NOT NULL,
    email              VARCHAR(254),
    display_name       VARCHAR(128)             NOT NULL,
    role               VARCHAR(16)              NOT NULL,
    enabled            BOOLEAN                  NOT NULL,
    password_hash      VARCHAR(255)             NOT NULL,
    tokens_valid_after TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at      TIMESTAMP WITH TIME ZONE,
    version            BIGINT                   NOT NULL
);
CREATE UNIQUE INDEX ux_user_account_username ON user_account (username);

-- One row per sign-in: the refresh-token family.
CREATE TABLE auth_session (
    id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    user_id       VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE,
    revoke_reason VARCHAR(32),
    user_agent    VARCHAR(512),
    ip_address    VARCHAR(64)
);
CREATE INDEX ix_auth_session_user ON auth_session (user_id);

-- Refresh tokens are stored only as SHA-256 hashes; used_at is claimed atomically.
CREATE TABLE refresh_token (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    session_id VARCHAR(36)              NOT NULL REFERENCES auth_session (id) ON DELETE CASCADE,
    issued_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_refresh_token_session ON refresh_token (session_id);

-- Failed sign-in counters per account and per client address, shared by every app instance.
CREATE TABLE login_throttle (
    throttle_key      VARCHAR(160)             NOT NULL PRIMARY KEY,
    failures          INTEGER                  NOT NULL,
    window_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    locked_until      TIMESTAMP WITH TIME ZONE
);

-- Ids come from a sequence (allocated 50 at a time; EclipseLink reads the first value as the top of the first block)
-- rather than identity columns, the same on H2 and PostgreSQL.
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_event (
    id          BIGINT                   NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type  VARCHAR(64)              NOT NULL,
    outcome     VARCHAR(16)              NOT NULL,
    actor_id    VARCHAR(36),
    actor_name  VARCHAR(64),
    target      VARCHAR(255),
    ip_address  VARCHAR(64),
    details     VARCHAR(2000)
);
CREATE INDEX ix_audit_event_time ON audit_event (occurred_at);
CREATE INDEX ix_audit_event_actor ON audit_event (actor_id);
CREATE INDEX ix_audit_event_type ON audit_event (event_type);
