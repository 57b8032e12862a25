-- Admin console: forced password change, two-factor sign-in (TOTP), sign-in challenges, run-time settings.
-- Portable between H2 2.x and PostgreSQL 12+.

ALTER TABLE user_account ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;

-- One TOTP second factor per user. The secret is AES-GCM encrypted under APP_ENCRYPTION_KEY; confirmed_at is null
-- while the enrolment waits for its first code; last_step is the newest time step used (a code works once).
CREATE TABLE second_factor (
    user_id      VARCHAR(36)              NOT NULL PRIMARY KEY REFERENCES user_account (id) ON DELETE CASCADE,
    secret       VARCHAR(255)             NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    last_step    BIGINT                   NOT NULL
);

-- Recovery codes, stored only as SHA-256; each usable once.
CREATE TABLE recovery_code (
    code_hash  VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_recovery_code_user ON recovery_code (user_id);

-- The second step of a sign-in: a short-lived, single-use token bound to the user, stored only as SHA-256.
CREATE TABLE mfa_challenge (
    token_hash VARCHAR(64)              NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_mfa_challenge_user ON mfa_challenge (user_id);

-- Settings changed by admins at run time; a setting without a row has its configured default.
CREATE TABLE app_setting (
    name          VARCHAR(64)              NOT NULL PRIMARY KEY,
    setting_value VARCHAR(4000)            NOT NULL,
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by    VARCHAR(64)
);

CREATE INDEX ix_audit_event_outcome ON audit_event (outcome);
