-- Browser IDE: each user's workspaces (a container and a volume on the runner per row) and the one-time tickets that
-- authenticate a browser's terminal WebSocket. Portable between H2 2.x and PostgreSQL 12+.

-- status: what the app last knew (STOPPED, STARTING, RUNNING, STOPPING, FAILED); status_detail says why a workspace
-- failed or stopped by itself. last_active_at moves with terminal and editor traffic; a running workspace idle for
-- auto_stop_minutes (NULL: the ide.idleTimeoutMinutes setting) is stopped.
CREATE TABLE ide_workspace (
    id                VARCHAR(36)              NOT NULL PRIMARY KEY,
    owner_id          VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    owner_name        VARCHAR(64)              NOT NULL,
    name              VARCHAR(64)              NOT NULL,
    template          VARCHAR(255)             NOT NULL,
    image             VARCHAR(255)             NOT NULL,
    status            VARCHAR(16)              NOT NULL,
    status_detail     VARCHAR(1000),
    memory_mb         INTEGER                  NOT NULL,
    cpus              INTEGER                  NOT NULL,
    auto_stop_minutes INTEGER,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE,
    last_active_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    version           BIGINT                   NOT NULL,
    CONSTRAINT ck_ide_workspace_status CHECK (status IN ('STOPPED', 'STARTING', 'RUNNING', 'STOPPING', 'FAILED'))
);
CREATE UNIQUE INDEX ux_ide_workspace_owner_name ON ide_workspace (owner_id, name);
CREATE INDEX ix_ide_workspace_status ON ide_workspace (status);

-- A terminal ticket, stored only as its SHA-256: bound to one user, workspace and terminal, valid for seconds, and
-- claimed once by a conditional UPDATE of used_at.
CREATE TABLE ide_terminal_ticket (
    ticket_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id      VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    workspace_id VARCHAR(36)              NOT NULL REFERENCES ide_workspace (id) ON DELETE CASCADE,
    terminal_id  VARCHAR(64)              NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_ide_terminal_ticket_expires ON ide_terminal_ticket (expires_at);
