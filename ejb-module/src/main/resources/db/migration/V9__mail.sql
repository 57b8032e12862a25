-- Mail: each user's own IMAP/SMTP accounts, and the senders whose remote images a user always allows.
-- Passwords are AES-GCM ciphertexts under MAIL_CREDENTIALS_KEY (never plain text). Portable between H2 2.x and
-- PostgreSQL 12+.

CREATE SEQUENCE mail_account_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE mail_account (
    id                      BIGINT                   NOT NULL PRIMARY KEY,
    owner_id                VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    display_name            VARCHAR(200)             NOT NULL,
    email                   VARCHAR(320)             NOT NULL,
    imap_host               VARCHAR(253)             NOT NULL,
    imap_port               INTEGER                  NOT NULL,
    imap_security           VARCHAR(16)              NOT NULL,
    imap_username           VARCHAR(320)             NOT NULL,
    imap_password           VARCHAR(2000)            NOT NULL,
    smtp_host               VARCHAR(253)             NOT NULL,
    smtp_port               INTEGER                  NOT NULL,
    smtp_security           VARCHAR(16)              NOT NULL,
    smtp_username           VARCHAR(320),
    smtp_password           VARCHAR(2000),
    signature               VARCHAR(4000),
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ck_mail_account_imap_security CHECK (imap_security IN ('TLS', 'STARTTLS', 'NONE')),
    CONSTRAINT ck_mail_account_smtp_security CHECK (smtp_security IN ('TLS', 'STARTTLS', 'NONE'))
);
CREATE INDEX ix_mail_account_owner ON mail_account (owner_id);

CREATE TABLE mail_trusted_sender (
    owner_id   VARCHAR(36)              NOT NULL REFERENCES user_account (id) ON DELETE CASCADE,
    address    VARCHAR(320)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner_id, address)
);
