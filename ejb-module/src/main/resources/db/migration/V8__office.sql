-- Documents (OnlyOffice Document Server): editing sessions per document key, and every save the Document Server
-- delivered, so that a save is never lost silently (failed saves stay visible to the owner and to admins, with retry).
-- Portable between H2 2.x and PostgreSQL 12+.

-- One row per document key. A key names one version of one file for everyone co-editing it; content_etag follows the
-- file through force saves (the key stays), and a final save closes the session (the next opening gets a new key).
CREATE TABLE office_session (
    doc_key       VARCHAR(128)             NOT NULL PRIMARY KEY,
    file_id       VARCHAR(36)              NOT NULL,
    owner_id      VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    content_etag  VARCHAR(64)              NOT NULL,
    is_open       BOOLEAN                  NOT NULL,
    editors       VARCHAR(2000),
    editing_since TIMESTAMP WITH TIME ZONE,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_office_session_file ON office_session (file_id, is_open);

-- One row per delivered save (status 2, 3, 6 or 7), identified by the SHA-256 of key, status and download address, so
-- that the same callback delivered twice is stored once. state: SAVING (claimed), SAVED, FAILED.
CREATE TABLE office_save (
    id              VARCHAR(36)              NOT NULL PRIMARY KEY,
    delivery        VARCHAR(64)              NOT NULL UNIQUE,
    doc_key         VARCHAR(128)             NOT NULL,
    file_id         VARCHAR(36)              NOT NULL,
    owner_id        VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    file_name       VARCHAR(1024)            NOT NULL,
    callback_status INTEGER                  NOT NULL,
    source_url      VARCHAR(4000)            NOT NULL,
    file_type       VARCHAR(16),
    editors         VARCHAR(2000),
    state           VARCHAR(16)              NOT NULL,
    attempts        INTEGER                  NOT NULL,
    last_error      VARCHAR(1000),
    server_error    BOOLEAN                  NOT NULL,
    outcome         VARCHAR(1000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_office_save_state ON office_save (state, updated_at);
CREATE INDEX ix_office_save_owner ON office_save (owner_id, state);

-- The Document Server's JWT secret when an admin set it (over ONLYOFFICE_TOKEN_SECRET): one row, AES-GCM encrypted under
-- APP_ENCRYPTION_KEY, never returned by the API.
CREATE TABLE office_secret (
    id               INTEGER                  NOT NULL PRIMARY KEY,
    secret_encrypted VARCHAR(2000)            NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by       VARCHAR(64)
);
