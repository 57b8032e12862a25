package org.cloudworkspace.mail;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Closes idle pooled IMAP connections (and forgets expired open accounts) every minute and sweeps abandoned compose uploads hourly. */
@Singleton
public class MailHousekeeping {

  @Inject ImapPool pool;

  @Inject MailUploads uploads;

  @Inject OpenAccounts openAccounts;

  @Schedule(hour = "*", minute = "*", persistent = false, info = "mail connection idle sweep")
  void closeIdleConnections() {
    pool.evictIdle();
    openAccounts.evictExpired();
  }

  @Schedule(hour = "*", minute = "41", persistent = false, info = "mail upload sweep")
  void sweepUploads() {
    uploads.sweep();
  }
}
