package org.cloudworkspace.files.api;

import jakarta.servlet.http.HttpServletRequest;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.FileActor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user as the files services see them, and request values shared by the files resources. */
final class FileActors {

  private FileActors() {}

  static FileActor of(JsonWebToken jwt, ClientAddresses addresses, HttpServletRequest request) {
    return new FileActor(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }

  /** {@code replace}, {@code rename} or {@code fail} (already validated). */
  static ConflictPolicy policy(String value) {
    return switch (value) {
      case "replace" -> ConflictPolicy.REPLACE;
      case "rename" -> ConflictPolicy.RENAME;
      default -> ConflictPolicy.FAIL;
    };
  }
}
