package org.cloudworkspace.files.sharing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.sharing.LinkChange;
import org.cloudworkspace.files.sharing.PublicLink;
import org.cloudworkspace.files.sharing.ShareService;
import org.cloudworkspace.files.sharing.UserShare;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The caller's shares: with users and by public link, per file or folder. Another user's share answers 404. */
@Path("shares")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Sharing")
public class ShareResource {

  @Inject ShareService shares;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "The users and links one of your files or folders is shared with")
  public NodeSharesView ofNode(
      @QueryParam("nodeId") @NotNull(message = "Say which file or folder (nodeId).") String nodeId) {
    return NodeSharesView.from(shares.sharesOf(actor(), nodeId));
  }

  @GET
  @Path("marks")
  @Operation(summary = "Which of your files and folders are shared, with users and/or by link")
  public List<SharedMarkView> marks() {
    return shares.sharedNodes(actor()).stream().map(SharedMarkView::from).toList();
  }

  @POST
  @Path("users")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Share a file or folder with a user (read or read-write)")
  @APIResponse(responseCode = "201", description = "Shared")
  @APIResponse(responseCode = "400", description = "No such user, yourself, a bad permission, or the root folder")
  @APIResponse(responseCode = "409", description = "Already shared with that user")
  public Response shareWithUser(
      @NotNull(message = "Send a JSON body with nodeId, username and permission.") @Valid
          CreateUserShareRequest body) {
    UserShare share =
        shares.shareWithUser(actor(), body.nodeId(), body.username(),
            body.permission() == null ? "read" : body.permission());
    return Response.created(uri.getBaseUriBuilder().path("shares").path(share.share().id()).build())
        .entity(UserShareView.from(share))
        .build();
  }

  @PATCH
  @Path("users/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Change what a user may do with a share")
  public UserShareView changeUserShare(
      @PathParam("id") String id,
      @NotNull(message = "Send a JSON body with the permission.") @Valid ChangeUserShareRequest body) {
    return UserShareView.from(shares.changeUserShare(actor(), id, body.permission()));
  }

  @POST
  @Path("links")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a public link (read, or upload-only for folders), with optional password and expiry",
      description =
          "The token has 192 random bits. A password must pass the password policy; the settings"
              + " shares.passwordRequired and shares.maxExpiryDays apply.")
  @APIResponse(responseCode = "201", description = "The link, with its token and page path")
  @APIResponse(responseCode = "400", description = "A weak password, a bad expiry, or a rule of the settings")
  public Response createLink(
      @NotNull(message = "Send a JSON body with nodeId and the link's options.") @Valid CreateLinkRequest body) {
    PublicLink link =
        shares.createLink(actor(), body.nodeId(), body.permission(), body.password(), body.expiresAt());
    return Response.created(uri.getBaseUriBuilder().path("shares").path(link.share().id()).build())
        .entity(LinkView.from(link))
        .build();
  }

  @PATCH
  @Path("links/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change a link's permission, password or expiry",
      description = "Setting or removing the password ends every visitor's unlocked session.")
  public LinkView changeLink(
      @PathParam("id") String id,
      @NotNull(message = "Send a JSON body with what to change.") @Valid ChangeLinkRequest body) {
    return LinkView.from(
        shares.changeLink(actor(), id,
            new LinkChange(body.permission(), body.password(), Boolean.TRUE.equals(body.removePassword()),
                body.expiresAt(), Boolean.TRUE.equals(body.removeExpiry()))));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Remove a share with a user (their access ends at once) or revoke a link")
  @APIResponse(responseCode = "204", description = "Removed")
  public Response remove(@PathParam("id") String id) {
    shares.remove(actor(), id);
    return Response.noContent().build();
  }

  private FileActor actor() {
    return new FileActor(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }
}
