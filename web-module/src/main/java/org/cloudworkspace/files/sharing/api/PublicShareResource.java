package org.cloudworkspace.files.sharing.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Predicate;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.error.Problems;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.Download;
import org.cloudworkspace.files.SortKey;
import org.cloudworkspace.files.UploadResult;
import org.cloudworkspace.files.api.ContentResponses;
import org.cloudworkspace.files.api.FolderListingView;
import org.cloudworkspace.files.api.NodeView;
import org.cloudworkspace.files.sharing.LinkSessions;
import org.cloudworkspace.files.sharing.SharedFiles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public links, without signing in. A link that is unknown, revoked or expired, or whose item is gone, answers the
 * same 404. A link with a password answers 401 until unlocked: {@code POST …/unlock} gives a session token, sent back
 * in the {@code X-Share-Session} header or the {@code cw_share} cookie (HttpOnly, SameSite=Strict, limited to this
 * link's path). Read links list and download; upload links (file drops) only take uploads.
 */
@Path("public/shares/{token}")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public links")
public class PublicShareResource {

  static final String COOKIE = "cw_share";
  static final String HEADER = "X-Share-Session";

  @Inject SharedFiles shared;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context HttpServletResponse response;

  @Context UriInfo uri;

  @PathParam("token")
  String token;

  @HeaderParam(HEADER)
  String sessionHeader;

  @CookieParam(COOKIE)
  String sessionCookie;

  @GET
  @Operation(summary = "What the link shares (once unlocked) and what it allows")
  @APIResponse(responseCode = "200", description = "The link's view")
  @APIResponse(responseCode = "404", description = "Unknown, revoked or expired")
  public PublicLinkInfoView info() {
    noStore();
    return PublicLinkInfoView.from(shared.linkInfo(token, session()));
  }

  @POST
  @Path("unlock")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Unlock a link with its password")
  @APIResponse(responseCode = "200", description = "A session token (also set as the cw_share cookie)")
  @APIResponse(responseCode = "403", description = "Wrong password")
  @APIResponse(responseCode = "429", description = "Too many wrong passwords from this address; see Retry-After")
  public Response unlock(@NotNull(message = "Send a JSON body with the password.") UnlockRequest body) {
    noStore();
    String session = shared.unlock(token, body.password(), client());
    long seconds = LinkSessions.LIFETIME.toSeconds();
    NewCookie cookie =
        new NewCookie.Builder(COOKIE)
            .value(session)
            .path(uri.getBaseUri().getPath().replaceAll("/$", "") + "/public/shares/" + token)
            .maxAge((int) seconds)
            .httpOnly(true)
            .secure(addresses.isSecure(request))
            .sameSite(NewCookie.SameSite.STRICT)
            .build();
    return Response.ok(new UnlockView(session, seconds)).cookie(cookie).build();
  }

  @GET
  @Path("folders/{folderId}/children")
  @Operation(summary = "One page of a folder of a read link ('root' for the shared folder)")
  @APIResponse(responseCode = "200", description = "A page of the folder")
  @APIResponse(responseCode = "403", description = "An upload-only link")
  public FolderListingView children(
      @PathParam("folderId") String folderId,
      @QueryParam("sort") @DefaultValue("name")
          @Pattern(regexp = "name|size|modified", message = "Sort by name, size or modified.") String sort,
      @QueryParam("order") @DefaultValue("asc")
          @Pattern(regexp = "asc|desc", message = "The order is asc or desc.") String order,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.")
          @Max(value = 1_000_000, message = "Ask for page 1000000 at most.") int page,
      @QueryParam("size") @DefaultValue("200") @Min(value = 1, message = "Ask for at least 1 item.")
          @Max(value = 1000, message = "Ask for at most 1000 items.") int size) {
    noStore();
    return Views.listing(
        shared.listLink(token, session(), client(), folderId, SortKey.valueOf(sort.toUpperCase(Locale.ROOT)),
            "desc".equals(order), page * size, size));
  }

  @GET
  @Path("content")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The shared file's bytes (a file link); the same headers as /api/files/{id}/content")
  public Response content(
      @QueryParam("disposition") @DefaultValue("attachment")
          @Pattern(regexp = "attachment|inline", message = "disposition is attachment or inline.") String disposition,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("If-Range") String ifRange) {
    return download("root", disposition, range, ifNoneMatch, ifRange);
  }

  @GET
  @Path("files/{id}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "A file of a folder link",
      description =
          "Answers with the whole body (200) count as downloads of the link; previews (disposition=inline),"
              + " ranges (206) and 304 answers do not.")
  public Response fileContent(
      @PathParam("id") String id,
      @QueryParam("disposition") @DefaultValue("attachment")
          @Pattern(regexp = "attachment|inline", message = "disposition is attachment or inline.") String disposition,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("If-Range") String ifRange) {
    return download(id, disposition, range, ifNoneMatch, ifRange);
  }

  @GET
  @Path("folders/{folderId}/zip")
  @Produces("application/zip")
  @Operation(summary = "A folder of a read link as a zip ('root' for all of it); counts as a download")
  public Response zip(@PathParam("folderId") String folderId) {
    return ContentResponses.zip(shared.archiveLink(token, session(), client(), folderId), response);
  }

  @PUT
  @Path("files/{name}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Drop a file into an upload-only link's folder (streamed)",
      description =
          "Never overwrites: a taken name gets a counter. The owner's quota applies (507 when full). The answer"
              + " tells only the stored name and size.")
  @RequestBody(
      description = "The file's bytes",
      content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "201", description = "Stored")
  @APIResponse(responseCode = "403", description = "Not an upload link")
  @APIResponse(responseCode = "507", description = "The owner's storage is full")
  public Response drop(@PathParam("name") String name) throws IOException {
    noStore();
    Long length = UploadBodies.length(request);
    if (length == null) {
      return Problems.response(411, UploadBodies.LENGTH_REQUIRED, Problems.instanceOf(uri));
    }
    UploadResult result =
        shared.dropFile(token, session(), client(), name, request.getContentType(), request.getInputStream(), length);
    NodeView file = NodeView.from(result.file());
    return Response.status(201).entity(new DroppedFileView(file.name(), file.size())).build();
  }

  /** What a file drop tells the visitor: the name the file got and its size, nothing of the folder. */
  public record DroppedFileView(String name, long size) {}

  private Response download(String id, String disposition, String range, String ifNoneMatch, String ifRange) {
    boolean inline = "inline".equals(disposition);
    // A download is what a browser saving the file gets: the whole body (200), not a preview, a range or a 304.
    Predicate<Download> counts =
        download -> !inline && ContentResponses.sendsWholeBody(download, range, ifNoneMatch, ifRange);
    return ContentResponses.download(
        shared.downloadLink(token, session(), client(), id, counts), range, ifNoneMatch, ifRange, inline, request, response,
        Problems.instanceOf(uri));
  }

  private String session() {
    return sessionHeader != null && !sessionHeader.isBlank() ? sessionHeader : sessionCookie;
  }

  private ClientInfo client() {
    return addresses.of(request);
  }

  /** Answers about a link must not be kept by shared caches. */
  private void noStore() {
    response.setHeader("Cache-Control", "no-store");
  }
}
