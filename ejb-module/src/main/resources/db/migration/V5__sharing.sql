-- Sharing: files and folders shared with other users (read-only or read-write) and public links (read-only or
-- upload-only "file drop"; optional password, expiry, download count).
-- Portable between H2 2.x and PostgreSQL 12+.

-- kind USER: recipient_id is the user it is shared with; permission READ or READ_WRITE.
-- kind LINK: token_hash is the SHA-256 (hex) of the link's random token, token_sealed the token itself AES-GCM
-- encrypted under APP_ENCRYPTION_KEY (so the owner can copy the link again); permission READ or UPLOAD.
-- password_hash is an Argon2id PHC string or NULL; password_version grows with every password change and is part of
-- each unlocked link session, so a change ends them all. A share goes with its node when the node is deleted for good.
CREATE TABLE file_share (
    id               VARCHAR(36)              NOT NULL PRIMARY KEY,
    node_id          VARCHAR(36)              NOT NULL REFERENCES file_node (id) ON DELETE CASCADE,
    owner_id         VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    share_kind       VARCHAR(8)               NOT NULL,
    permission       VARCHAR(16)              NOT NULL,
    recipient_id     VARCHAR(36)              REFERENCES user_account (id) ON DELETE CASCADE,
    token_hash       VARCHAR(64),
    token_sealed     VARCHAR(255),
    password_hash    VARCHAR(255),
    password_version INTEGER                  NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE,
    download_count   BIGINT                   NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_file_share_kind CHECK (share_kind IN ('USER', 'LINK')),
    CONSTRAINT ck_file_share_permission CHECK (permission IN ('READ', 'READ_WRITE', 'UPLOAD')),
    CONSTRAINT ck_file_share_target CHECK (
        (share_kind = 'USER' AND recipient_id IS NOT NULL AND token_hash IS NULL)
        OR (share_kind = 'LINK' AND recipient_id IS NULL AND token_hash IS NOT NULL))
);
CREATE UNIQUE INDEX ux_file_share_token ON file_share (token_hash);
CREATE UNIQUE INDEX ux_file_share_recipient ON file_share (node_id, recipient_id);
CREATE INDEX ix_file_share_owner ON file_share (owner_id);
CREATE INDEX ix_file_share_recipient ON file_share (recipient_id);
