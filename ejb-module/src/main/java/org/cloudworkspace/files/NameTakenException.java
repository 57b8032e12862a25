package org.cloudworkspace.files;

import jakarta.ejb.ApplicationException;
import java.util.List;
import org.cloudworkspace.common.error.DomainException;

/** The target folder already holds something under that name. */
@ApplicationException(rollback = true)
public class NameTakenException extends DomainException {

  private static final long serialVersionUID = 1L;

  public NameTakenException(String name, String folderLabel) {
    super(
        Kind.CONFLICT,
        "Name already taken",
        "There is already a file or folder named '" + name + "' in " + folderLabel + ".",
        List.of(new FieldError("name", "This name is already taken in " + folderLabel + ".")));
  }
}
