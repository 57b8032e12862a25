package org.cloudworkspace.admin.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.cloudworkspace.common.audit.AuditQuery;
import org.cloudworkspace.common.error.InvalidInputException;

/** The audit log's query parameters, shared by the JSON list and the CSV export. */
public class AuditFilter {

  @QueryParam("type")
  @Pattern(regexp = "[a-z0-9_.]{1,64}", message = "A type is like auth.sign_in.")
  String type;

  @QueryParam("outcome")
  @Pattern(regexp = "success|failure", message = "An outcome is success or failure.")
  String outcome;

  @QueryParam("actorId")
  @Pattern(regexp = "[0-9a-f-]{36}", message = "An actor id is a user id.")
  String actorId;

  @QueryParam("user")
  @Size(max = 255, message = "A user is a username or user id of at most 255 characters.")
  String user;

  @QueryParam("from")
  @Size(max = 40, message = "Use an ISO-8601 time such as 2026-01-31T00:00:00Z.")
  String from;

  @QueryParam("to")
  @Size(max = 40, message = "Use an ISO-8601 time such as 2026-01-31T00:00:00Z.")
  String to;

  AuditQuery toQuery() {
    Instant start = time("from", from);
    Instant end = time("to", to);
    if (start != null && end != null && !start.isBefore(end)) {
      throw new InvalidInputException("to", "The end of the time range must be after its start.");
    }
    return new AuditQuery(
        blankToNull(type), blankToNull(outcome), blankToNull(actorId), blankToNull(user), start, end);
  }

  static Instant time(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value.strip()).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "Use an ISO-8601 time such as 2026-01-31T00:00:00Z.");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
