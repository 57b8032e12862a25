package org.cloudworkspace.mail;

import java.time.LocalDate;

/** A server-side search (IMAP SEARCH): every given field must match; null fields are not searched. */
public record SearchCriteria(String from, String to, String subject, String body, LocalDate since, LocalDate before) {

  public boolean isEmpty() {
    return from == null && to == null && subject == null && body == null && since == null && before == null;
  }
}
