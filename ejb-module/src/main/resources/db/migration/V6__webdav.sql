-- WebDAV: app passwords for desktop clients, WebDAV locks, and dead properties set with PROPPATCH.
-- Portable between H2 2.x and PostgreSQL 12+.

-- A password a user creates for one client (a WebDAV mount, a sync tool). High-entropy random, so it is stored as
-- SHA-256 (no slow hash needed); shown to the user only once; revoked by deleting the row.
CREATE TABLE app_password (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    user_id           VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    name              VARCHAR(100)             NOT NULL,
    secret_hash       VARCHAR(64)              NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at      TIMESTAMP WITH TIME ZONE,
    last_used_address VARCHAR(64)
);
CREATE UNIQUE INDEX ux_app_password_hash ON app_password (secret_hash);
CREATE INDEX ix_app_password_user ON app_password (user_id);

-- A WebDAV write lock (RFC 4918) on a path of a user's tree (locks belong to URLs, not to nodes: they stay when a
-- resource is moved away and apply to whatever is created at the path). Kept here so that every app instance sees
-- the same locks; rows past expires_at are ignored and swept.
CREATE TABLE dav_lock (
    token           VARCHAR(64)              NOT NULL PRIMARY KEY,
    owner_id        VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    root_path       VARCHAR(65535)           NOT NULL,
    exclusive_lock  BOOLEAN                  NOT NULL,
    depth_infinity  BOOLEAN                  NOT NULL,
    owner_xml       VARCHAR(8000),
    timeout_seconds BIGINT                   NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_dav_lock_owner ON dav_lock (owner_id, expires_at);

-- A dead property (RFC 4918 PROPPATCH) of a file or folder: its namespace and name, and the property element as
-- well-formed XML. Moves with the node; goes with it when the node is deleted for good.
CREATE TABLE dav_property (
    node_id    VARCHAR(36)   NOT NULL REFERENCES file_node (id) ON DELETE CASCADE,
    namespace  VARCHAR(512)  NOT NULL,
    local_name VARCHAR(255)  NOT NULL,
    value_xml  VARCHAR(65536) NOT NULL,
    PRIMARY KEY (node_id, namespace, local_name)
);
