package org.cloudworkspace.mail.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.mail.FolderInfo;
import org.cloudworkspace.mail.MailAccountService;
import org.cloudworkspace.mail.MailAccounts;
import org.cloudworkspace.mail.MailMessage;
import org.cloudworkspace.mail.MailSender;
import org.cloudworkspace.mail.Mailbox;
import org.cloudworkspace.mail.MessagePage;
import org.cloudworkspace.mail.OpenAccount;
import org.cloudworkspace.mail.OpenAccounts;
import org.cloudworkspace.mail.RenderTickets;
import org.cloudworkspace.mail.SearchCriteria;
import org.cloudworkspace.mail.TrustedSenders;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Folders and messages of one of the user's accounts, read and changed on its IMAP server; composing, drafts and
 * sending. A server that fails or stops answering gives 503 with what went wrong (connect and read time out).
 */
@Path("mail/accounts/{id: [0-9]+}")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Mail")
public class MailboxResource {

  @Inject MailAccounts accounts;

  @Inject OpenAccounts openAccounts;

  @Inject MailAccountService service;

  @Inject Mailbox mailbox;

  @Inject MailSender sender;

  @Inject TrustedSenders trusted;

  @Inject RenderTickets tickets;

  @Inject ClientAddresses addresses;

  @Inject JsonWebToken jwt;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "One account (without passwords)")
  public AccountView get(@PathParam("id") long id) {
    return AccountView.from(accounts.require(jwt.getSubject(), id));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change an account (tested first); a missing password keeps the stored one for the same server")
  public AccountView update(@PathParam("id") long id, AccountRequest body) {
    return AccountView.from(service.update(MailActors.of(jwt, addresses, request), id, MailAccountResource.draft(service, body, false)));
  }

  @DELETE
  @Operation(summary = "Remove an account from the workspace (the mailbox on the server is untouched)")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response delete(@PathParam("id") long id) {
    service.delete(MailActors.of(jwt, addresses, request), id);
    return Response.noContent().build();
  }

  private OpenAccount account(long id) {
    return openAccounts.open(jwt.getSubject(), id);
  }

  @GET
  @Path("folders")
  @Operation(summary = "Folders with their role, message and unread counts")
  public List<FolderInfo> folders(@PathParam("id") long id) {
    return mailbox.folders(account(id));
  }

  @GET
  @Path("messages")
  @Operation(
      summary = "A page of a folder, newest first; with from/to/subject/body/since/before a server-side search",
      description = "Summaries carry uid, subject, from, date, seen, flagged, answered, hasAttachments and threadId.")
  public MessagePage messages(
      @PathParam("id") long id,
      @QueryParam("folder") @DefaultValue("INBOX") String folder,
      @QueryParam("page") Integer page,
      @QueryParam("size") Integer size,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("subject") String subject,
      @QueryParam("body") String body,
      @QueryParam("since") String since,
      @QueryParam("before") String before) {
    String name = MailParams.folder(folder);
    SearchCriteria criteria = new SearchCriteria(MailParams.search("from", from), MailParams.search("to", to),
        MailParams.search("subject", subject), MailParams.search("body", body), MailParams.date("since", since),
        MailParams.date("before", before));
    OpenAccount account = account(id);
    return criteria.isEmpty()
        ? mailbox.page(account, name, MailParams.page(page), MailParams.size(size))
        : mailbox.search(account, name, criteria, MailParams.page(page), MailParams.size(size));
  }

  @GET
  @Path("messages/{uid}")
  @Operation(summary = "One message with sanitized html and text; marks it read unless markRead=false")
  @APIResponse(responseCode = "200", description = "The message")
  @APIResponse(responseCode = "404", description = "No such folder or message")
  public MessageView message(
      @PathParam("id") long id,
      @PathParam("uid") long uid,
      @QueryParam("folder") @DefaultValue("INBOX") String folder,
      @QueryParam("remoteImages") @DefaultValue("false") boolean remoteImages,
      @QueryParam("markRead") @DefaultValue("true") boolean markRead) {
    String name = MailParams.folder(folder);
    OpenAccount account = account(id);
    MailMessage peek = mailbox.message(account, name, uid, remoteImages, markRead);
    boolean senderTrusted = !peek.from().isEmpty() && trusted.trusts(jwt.getSubject(), peek.from().get(0).address());
    MailMessage message = peek;
    if (senderTrusted && !remoteImages && peek.remoteContentBlocked()) {
      message = mailbox.message(account, name, uid, true, false);
    }
    boolean remote = remoteImages || senderTrusted;
    String ticket = tickets.issue(new RenderTickets.Grant(jwt.getSubject(), id, name, uid, remote));
    return MessageView.from(message, senderTrusted, "/api/mail/render/" + URLEncoder.encode(ticket,
        StandardCharsets.UTF_8));
  }

  @PATCH
  @Path("messages/{uid}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set read and flagged")
  @APIResponse(responseCode = "204", description = "Done")
  public Response flags(@PathParam("id") long id, @PathParam("uid") long uid,
      @QueryParam("folder") @DefaultValue("INBOX") String folder, FlagsRequest body) {
    if (body == null || (body.seen() == null && body.flagged() == null)) {
      throw new InvalidInputException("body", "Send seen and/or flagged.");
    }
    mailbox.setFlags(account(id), MailParams.folder(folder), List.of(uid), body.seen(), body.flagged(), null);
    return Response.noContent().build();
  }

  @POST
  @Path("messages/actions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "seen, unseen, flag, unflag, move (to target), delete (to Trash) or archive several messages")
  public Map<String, Object> act(@PathParam("id") long id, ActionRequest body) {
    if (body == null) {
      throw new InvalidInputException("body", "Send the action as JSON.");
    }
    String folder = MailParams.folder(body.folder());
    List<Long> uids = MailParams.uids(body.uids());
    OpenAccount account = account(id);
    String action = body.action() == null ? "" : body.action();
    String target = switch (action) {
      case "seen", "unseen" -> {
        mailbox.setFlags(account, folder, uids, "seen".equals(action), null, null);
        yield folder;
      }
      case "flag", "unflag" -> {
        mailbox.setFlags(account, folder, uids, null, "flag".equals(action), null);
        yield folder;
      }
      case "move" -> {
        if (body.target() == null || body.target().isBlank()) {
          throw new InvalidInputException("target", "Name the folder to move to.");
        }
        String to = MailParams.folder(body.target());
        mailbox.move(account, folder, uids, to);
        yield to;
      }
      case "delete" -> mailbox.moveToRole(account, folder, uids, "trash");
      case "archive" -> mailbox.moveToRole(account, folder, uids, "archive");
      default -> throw new InvalidInputException("action",
          "Use seen, unseen, flag, unflag, move, delete or archive.");
    };
    return Map.of("action", action, "folder", target, "count", uids.size());
  }

  @GET
  @Path("messages/{uid}/parts/{part}")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "Download an attachment (streamed from the IMAP server)")
  public Response download(@PathParam("id") long id, @PathParam("uid") long uid, @PathParam("part") String part,
      @QueryParam("folder") @DefaultValue("INBOX") String folder) {
    String name = MailParams.folder(folder);
    String path = MailParams.part(part);
    OpenAccount account = account(id);
    String[] meta = mailbox.part(account, name, uid, path, (fileName, type, size, in) -> new String[] {fileName, type});
    StreamingOutput body = out -> mailbox.part(account, name, uid, path, (fileName, type, size, in) -> {
      in.transferTo(out);
      return null;
    });
    return Response.ok(body, "application/octet-stream")
        .header("Content-Disposition", MailParams.attachment(meta[0]))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .header("X-Original-Content-Type", meta[1])
        .build();
  }

  @POST
  @Path("messages/{uid}/parts/{part}/save")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save an attachment to Files (root folder unless folderId is given; a free name is chosen)")
  @APIResponse(responseCode = "201", description = "The file created in Files")
  public Response saveToFiles(@PathParam("id") long id, @PathParam("uid") long uid, @PathParam("part") String part,
      @QueryParam("folder") @DefaultValue("INBOX") String folder, SaveToFilesRequest body) {
    NodeDetails file = sender.saveToFiles(account(id), MailActors.files(jwt, addresses, request),
        MailParams.folder(folder), uid, MailParams.part(part), body == null ? null : body.folderId());
    return Response.status(Response.Status.CREATED)
        .entity(Map.of("id", file.node().id(), "name", file.node().name(), "size", file.size()))
        .build();
  }

  @POST
  @Path("send")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Send through the account's SMTP server and store in Sent")
  @APIResponse(responseCode = "200", description = "Sent: messageId, sentFolder, sentUid, warning")
  @APIResponse(responseCode = "400", description = "Invalid recipient or subject (line breaks are refused)")
  @APIResponse(responseCode = "413", description = "Attachments over the limit (named in the detail)")
  public MailSender.SendResult send(@PathParam("id") long id, ComposeRequest body) {
    if (body == null) {
      throw new InvalidInputException("body", "Send the message as JSON.");
    }
    return sender.send(account(id), MailActors.files(jwt, addresses, request), body.composition());
  }

  @POST
  @Path("drafts")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save a draft in the Drafts folder (replacing draftUid)")
  @APIResponse(responseCode = "201", description = "The draft's uid and folder")
  public Response saveDraft(@PathParam("id") long id, ComposeRequest body) {
    if (body == null) {
      throw new InvalidInputException("body", "Send the draft as JSON.");
    }
    OpenAccount account = account(id);
    long uid = sender.saveDraft(account, MailActors.files(jwt, addresses, request), body.composition());
    return Response.status(Response.Status.CREATED)
        .entity(Map.of("uid", uid, "folder", mailbox.specialFolder(account, "drafts")))
        .build();
  }
}
