package org.cloudworkspace.mail.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.cloudworkspace.mail.MailAccounts;
import org.cloudworkspace.mail.Mailbox;
import org.cloudworkspace.mail.OpenAccount;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The unified inbox: the INBOX of every account of the user, merged newest first. */
@Path("mail/unified")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Mail")
public class MailUnifiedResource {

  @Inject MailAccounts accounts;

  @Inject Mailbox mailbox;

  @Inject JsonWebToken jwt;

  @GET
  @Operation(summary = "A page of the unified inbox; accounts that could not be read are listed in failedAccounts")
  public Mailbox.UnifiedPage unified(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
    List<OpenAccount> open = accounts.of(jwt.getSubject()).stream().map(accounts::open).toList();
    return mailbox.unified(open, MailParams.page(page), MailParams.size(size));
  }
}
