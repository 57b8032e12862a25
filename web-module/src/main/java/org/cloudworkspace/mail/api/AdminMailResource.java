package org.cloudworkspace.mail.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.mail.MailCredentialRotation;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Admin: re-encrypt every stored mail password under the current MAIL_CREDENTIALS_KEY (key rotation). */
@Path("admin/mail/reencrypt-credentials")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Mail")
public class AdminMailResource {

  @Inject MailCredentialRotation rotation;

  @Inject ClientAddresses addresses;

  @Inject JsonWebToken jwt;

  @Context HttpServletRequest request;

  @POST
  @Operation(summary = "Re-encrypt mail passwords sealed by MAIL_CREDENTIALS_KEY_PREVIOUS; counts what it did")
  public MailCredentialRotation.Outcome reencrypt() {
    return rotation.reencryptAll(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }
}
