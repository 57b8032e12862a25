-- Resumable uploads (tus 1.0): one row per upload a user started. The bytes received so far are staged on storage in
-- a file named after the upload's id (never after the user's file name); offset_bytes is what is durably received.
-- A completed upload keeps its row (file_id set) until it expires, so that a client that lost the last answer learns
-- that the upload is done. Portable between H2 2.x and PostgreSQL 12+.

CREATE TABLE file_upload (
    id            VARCHAR(36)              NOT NULL PRIMARY KEY,
    owner_id      VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    folder_id     VARCHAR(36)              NOT NULL,
    file_name     VARCHAR(255)             NOT NULL,
    mime_type     VARCHAR(255),
    length_bytes  BIGINT                   NOT NULL,
    offset_bytes  BIGINT                   NOT NULL,
    on_conflict   VARCHAR(8)               NOT NULL,
    if_match      VARCHAR(1000),
    if_none_match BOOLEAN                  NOT NULL,
    metadata      VARCHAR(4000),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    file_id       VARCHAR(36),
    CONSTRAINT ck_file_upload_offset CHECK (offset_bytes >= 0 AND offset_bytes <= length_bytes),
    CONSTRAINT ck_file_upload_conflict CHECK (on_conflict IN ('REPLACE', 'RENAME', 'FAIL'))
);
CREATE INDEX ix_file_upload_owner ON file_upload (owner_id);
CREATE INDEX ix_file_upload_expires ON file_upload (expires_at);
