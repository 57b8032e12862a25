/**
 * Mail: each user's own IMAP/SMTP accounts (passwords encrypted under {@code MAIL_CREDENTIALS_KEY}), reading through a
 * per-account IMAP connection pool with a revalidated page cache, server-side HTML sanitizing, composing and sending.
 */
package org.cloudworkspace.mail;
