package org.cloudworkspace.mail;

import org.cloudworkspace.common.error.DomainException;

/** No such mail account, or it belongs to someone else. */
public class MailAccountNotFoundException extends DomainException {

  private static final long serialVersionUID = 1L;

  MailAccountNotFoundException(long id) {
    super(Kind.NOT_FOUND, "No such mail account", "There is no mail account " + id + ".");
  }

  MailAccountNotFoundException(long id, boolean someoneElses) {
    super(Kind.FORBIDDEN, "Not your mail account", "Mail account " + id + " is not yours.");
  }
}
