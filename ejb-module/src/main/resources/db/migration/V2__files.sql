-- Files: each user's tree of folders and files, earlier versions of files, favourites, and storage accounts (quota
-- and usage). Bytes live in blobs on storage, named by random ids; rows only refer to them.
-- Portable between H2 2.x and PostgreSQL 12+.

-- A file or folder. parent_id is NULL for a user's root folder and for trash items (what the user deleted, detached
-- from its folder; original_parent_id/original_path tell where it was). The nodes inside a deleted folder keep their
-- parent and carry the trash item's id in trash_id. Names are unique within a folder; NULL parents never collide.
CREATE TABLE file_node (
    id                 VARCHAR(36)              NOT NULL PRIMARY KEY,
    owner_id           VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    parent_id          VARCHAR(36)              REFERENCES file_node (id) ON DELETE CASCADE,
    name               VARCHAR(255)             NOT NULL,
    node_type          VARCHAR(8)               NOT NULL,
    size_bytes         BIGINT                   NOT NULL,
    sha256             VARCHAR(64),
    blob_id            VARCHAR(36),
    mime_type          VARCHAR(255),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    modified_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    etag               VARCHAR(64)              NOT NULL,
    revision           BIGINT                   NOT NULL,
    trashed_at         TIMESTAMP WITH TIME ZONE,
    trash_id           VARCHAR(36),
    original_parent_id VARCHAR(36),
    original_path      VARCHAR(4000),
    CONSTRAINT ck_file_node_type CHECK (node_type IN ('FILE', 'FOLDER'))
);
CREATE UNIQUE INDEX ux_file_node_parent_name ON file_node (parent_id, name);
CREATE INDEX ix_file_node_owner_modified ON file_node (owner_id, modified_at);
CREATE INDEX ix_file_node_trash ON file_node (trash_id);
CREATE INDEX ix_file_node_blob ON file_node (blob_id);

-- Earlier content of a file, kept on every overwrite (and on restoring a version).
CREATE TABLE file_version (
    id          VARCHAR(36)              NOT NULL PRIMARY KEY,
    file_id     VARCHAR(36)              NOT NULL REFERENCES file_node (id) ON DELETE CASCADE,
    owner_id    VARCHAR(36)              NOT NULL,
    blob_id     VARCHAR(36)              NOT NULL,
    size_bytes  BIGINT                   NOT NULL,
    sha256      VARCHAR(64)              NOT NULL,
    mime_type   VARCHAR(255),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    archived_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_file_version_file ON file_version (file_id, archived_at);
CREATE INDEX ix_file_version_archived ON file_version (archived_at);
CREATE INDEX ix_file_version_blob ON file_version (blob_id);

CREATE TABLE file_favorite (
    owner_id   VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    node_id    VARCHAR(36)              NOT NULL REFERENCES file_node (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_id, node_id)
);
CREATE INDEX ix_file_favorite_node ON file_favorite (node_id);

-- One row per user who has used files: the root folder, an own quota (NULL: FILES_DEFAULT_QUOTA_BYTES) and the
-- bytes in use (files, trash and versions). Every change to a user's tree locks this row first.
CREATE TABLE storage_account (
    user_id     VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    root_id     VARCHAR(36)              NOT NULL,
    quota_bytes BIGINT,
    used_bytes  BIGINT                   NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_storage_account_quota CHECK (quota_bytes IS NULL OR quota_bytes >= 0)
);
