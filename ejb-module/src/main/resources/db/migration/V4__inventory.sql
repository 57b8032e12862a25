-- InventoryPro single sign-on: one-time service tickets (CAS pattern), stored only as SHA-256 hashes.
-- used_at is claimed atomically by a conditional UPDATE, so a ticket is redeemed at most once.
-- Portable between H2 2.x and PostgreSQL 12+.

CREATE TABLE inventory_sso_ticket (
    ticket_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id     VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    service     VARCHAR(512)             NOT NULL,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_inventory_sso_ticket_expires ON inventory_sso_ticket (expires_at);
