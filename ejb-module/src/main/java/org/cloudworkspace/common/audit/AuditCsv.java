package org.cloudworkspace.common.audit;

import java.time.format.DateTimeFormatter;

/**
 * Audit events as CSV (RFC 4180): every cell quoted when it holds a comma, quote, CR or LF, quotes doubled, lines ended
 * by CRLF. Cells that a spreadsheet would run as a formula (starting with {@code = + - @}, tab or CR) get a leading
 * apostrophe, so an attacker-chosen username cannot become a formula in the admin's spreadsheet.
 */
public final class AuditCsv {

  public static final String HEADER =
      "id,occurredAt,type,outcome,actorId,actorName,target,address,details\r\n";

  private AuditCsv() {}

  public static String row(AuditEvent e) {
    return String.join(
            ",",
            cell(String.valueOf(e.id())),
            cell(DateTimeFormatter.ISO_INSTANT.format(e.occurredAt())),
            cell(e.type()),
            cell(e.outcome()),
            cell(e.actorId()),
            cell(e.actorName()),
            cell(e.target()),
            cell(e.address()),
            cell(e.details()))
        + "\r\n";
  }

  /** One cell: formula-neutralised, then quoted when needed. */
  public static String cell(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String safe = value;
    char first = safe.charAt(0);
    if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
      safe = "'" + safe;
    }
    if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
      return '"' + safe.replace("\"", "\"\"") + '"';
    }
    return safe;
  }
}
