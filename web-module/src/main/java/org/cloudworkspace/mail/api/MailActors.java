package org.cloudworkspace.mail.api;

import jakarta.servlet.http.HttpServletRequest;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.mail.MailAccountService;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The signed-in user as the mail and files services see them. */
final class MailActors {

  private MailActors() {}

  static MailAccountService.Actor of(JsonWebToken jwt, ClientAddresses addresses, HttpServletRequest request) {
    return new MailAccountService.Actor(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }

  static FileActor files(JsonWebToken jwt, ClientAddresses addresses, HttpServletRequest request) {
    return new FileActor(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }
}
