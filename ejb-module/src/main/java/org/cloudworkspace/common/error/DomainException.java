package org.cloudworkspace.common.error;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * Something the caller did or asked for cannot be done; the message says what, in words a user understands. The
 * {@link Kind} tells the web layer which status to answer with.
 */
@ApplicationException(rollback = true)
public class DomainException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the protocol. */
  public enum Kind {
    INVALID_INPUT,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    PRECONDITION_FAILED,
    TOO_MANY_REQUESTS,
    PAYLOAD_TOO_LARGE,
    INSUFFICIENT_STORAGE,
    UNAVAILABLE
  }

  /** One invalid field of a request. */
  public record FieldError(String field, String message) {}

  private final Kind kind;
  private final String title;
  private final transient List<FieldError> fieldErrors;

  public DomainException(Kind kind, String title, String message) {
    this(kind, title, message, List.of());
  }

  public DomainException(Kind kind, String title, String message, List<FieldError> fieldErrors) {
    super(message);
    this.kind = kind;
    this.title = title;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  public Kind kind() {
    return kind;
  }

  /** A short, stable summary of the problem type, e.g. "Invalid password". */
  public String title() {
    return title;
  }

  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }

  /** A stable identifier of the problem type, used to build the problem's {@code type} URI. */
  public String typeSlug() {
    return title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
  }
}
