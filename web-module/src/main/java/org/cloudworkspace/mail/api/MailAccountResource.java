package org.cloudworkspace.mail.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.mail.MailAccount;
import org.cloudworkspace.mail.MailAccountDraft;
import org.cloudworkspace.mail.MailAccountService;
import org.cloudworkspace.mail.MailAccounts;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The user's own mail accounts. Adding or changing one first signs in to its IMAP and SMTP servers; when that fails
 * nothing is stored and the problem's type tells a wrong password ({@code mail-sign-in-failed}, 400) from an
 * unreachable server ({@code mail-server-unreachable}, 503), a TLS failure ({@code mail-tls-failure}, 503), a timeout
 * and a refused internal address. Passwords are never returned. One account ({@code /{id}}) is served by
 * {@link MailboxResource}.
 */
@Path("mail/accounts")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Mail")
public class MailAccountResource {

  @Inject MailAccountService service;

  @Inject MailAccounts accounts;

  @Inject ClientAddresses addresses;

  @Inject JsonWebToken jwt;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "The user's mail accounts (without passwords)")
  public List<AccountView> list() {
    return accounts.of(jwt.getSubject()).stream().map(AccountView::from).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Add an account after testing its IMAP and SMTP servers")
  @APIResponse(responseCode = "201", description = "The account, with its id")
  @APIResponse(responseCode = "400", description = "Invalid field, wrong password (mail-sign-in-failed) or refused address")
  @APIResponse(responseCode = "503", description = "Server unreachable, TLS failure or timeout; nothing was stored")
  public Response create(AccountRequest body, @Context UriInfo uri) {
    MailAccountDraft draft = draft(service, body, true);
    MailAccount account = service.create(MailActors.of(jwt, addresses, request), draft);
    return Response.created(uri.getAbsolutePathBuilder().path(Long.toString(account.id())).build())
        .entity(AccountView.from(account))
        .build();
  }

  @POST
  @Path("test")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Test an account's servers without saving it")
  @APIResponse(responseCode = "200", description = "Both servers accepted the sign-in")
  public TestResultView test(AccountRequest body) {
    service.test(draft(service, body, true));
    return new TestResultView("ok", "ok");
  }

  static MailAccountDraft draft(MailAccountService service, AccountRequest body, boolean passwordsRequired) {
    if (body == null) {
      throw new InvalidInputException("body", "Send the account as JSON.");
    }
    return service.validate(body.displayName(), body.email(), body.imap() == null ? null : body.imap().raw(),
        body.smtp() == null ? null : body.smtp().raw(), body.signature(), passwordsRequired);
  }
}
