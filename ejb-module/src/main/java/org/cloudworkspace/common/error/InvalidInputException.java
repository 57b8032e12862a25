package org.cloudworkspace.common.error;

import jakarta.ejb.ApplicationException;
import java.util.List;

/** A request value breaks a rule; names the field and the rule. */
@ApplicationException(rollback = true)
public class InvalidInputException extends DomainException {

  private static final long serialVersionUID = 1L;

  public InvalidInputException(String field, String message) {
    super(Kind.INVALID_INPUT, "Invalid input", message, List.of(new FieldError(field, message)));
  }
}
