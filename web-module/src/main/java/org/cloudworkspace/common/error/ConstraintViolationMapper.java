package org.cloudworkspace.common.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.List;

/** Bean Validation failures on request bodies and parameters: 400 listing every invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

  @Context UriInfo uri;

  @Override
  public Response toResponse(ConstraintViolationException e) {
    List<ProblemDetails.FieldError> fields =
        e.getConstraintViolations().stream()
            .map(v -> new ProblemDetails.FieldError(fieldOf(v), v.getMessage()))
            .sorted(Comparator.comparing(ProblemDetails.FieldError::field))
            .toList();
    String detail =
        fields.size() == 1
            ? fields.get(0).field() + ": " + fields.get(0).message()
            : "The request has " + fields.size() + " invalid fields.";
    return Problems.response(
        ProblemDetails.of("validation", "Invalid input", 400, detail, Problems.instanceOf(uri))
            .withErrors(fields));
  }

  /** The name a client knows: the last property of the path, or "body" when the whole body is missing. */
  static String fieldOf(ConstraintViolation<?> violation) {
    String last = null;
    for (Path.Node node : violation.getPropertyPath()) {
      if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.PARAMETER) {
        last = node.getName();
      }
    }
    if (last == null || last.startsWith("arg")) {
      return "body";
    }
    return last;
  }
}
