package org.cloudworkspace.common.error;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem: {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, plus the invalid
 * fields of a request.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "errors"})
public record ProblemDetails(
    URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

  /** The media type of problem documents. */
  public static final String MEDIA_TYPE = "application/problem+json";

  public static final MediaType MEDIA = MediaType.valueOf(MEDIA_TYPE);

  private static final String TYPE_BASE = "https://cloudworkspace.org/problems/";

  /** One invalid field. */
  public record FieldError(String field, String message) {}

  /** A problem of a given type slug, such as {@code validation} or {@code not-found}. */
  public static ProblemDetails of(String typeSlug, String title, int status, String detail, String instance) {
    return new ProblemDetails(URI.create(TYPE_BASE + typeSlug), title, status, detail, instance, null);
  }

  public ProblemDetails withErrors(List<FieldError> fieldErrors) {
    List<FieldError> list = fieldErrors == null || fieldErrors.isEmpty() ? null : List.copyOf(fieldErrors);
    return new ProblemDetails(type, title, status, detail, instance, list);
  }
}
