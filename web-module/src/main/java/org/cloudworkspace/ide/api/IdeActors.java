package org.cloudworkspace.ide.api;

import jakarta.servlet.http.HttpServletRequest;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.ide.IdeActor;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user as the IDE services see them. */
final class IdeActors {

  private IdeActors() {}

  static IdeActor of(JsonWebToken jwt, ClientAddresses addresses, HttpServletRequest request) {
    return new IdeActor(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }
}
