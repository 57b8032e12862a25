package org.cloudworkspace.files.sharing.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.cloudworkspace.common.error.Problems;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.SortKey;
import org.cloudworkspace.files.UploadResult;
import org.cloudworkspace.files.WritePreconditions;
import org.cloudworkspace.files.api.ContentResponses;
import org.cloudworkspace.files.api.CreateFolderRequest;
import org.cloudworkspace.files.api.EntityTags;
import org.cloudworkspace.files.api.FolderListingView;
import org.cloudworkspace.files.api.NodeView;
import org.cloudworkspace.files.api.UpdateNodeRequest;
import org.cloudworkspace.files.sharing.ShareService;
import org.cloudworkspace.files.sharing.SharedFiles;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * "Shared with me": what other users share with the caller, and working inside it. {@code folderId} may be
 * {@code root} for the shared folder itself. Ids outside the share answer 404 (and are audited); writes need a
 * read-write share and count against the owner's quota.
 */
@Path("shares/incoming")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Sharing")
public class IncomingShareResource {

  @Inject ShareService shares;

  @Inject SharedFiles shared;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context HttpServletResponse response;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "What other users share with you, newest first")
  public List<IncomingShareView> list() {
    return shares.incoming(actor()).stream().map(IncomingShareView::from).toList();
  }

  @DELETE
  @Path("{shareId}")
  @Operation(summary = "Leave a share: it no longer shows up for you")
  @APIResponse(responseCode = "204", description = "Left")
  public Response leave(@PathParam("shareId") String shareId) {
    shares.leave(actor(), shareId);
    return Response.noContent().build();
  }

  @GET
  @Path("{shareId}/nodes/{id}")
  @Operation(summary = "A file or folder of the share ('root' for the shared item)")
  public NodeView get(@PathParam("shareId") String shareId, @PathParam("id") String id) {
    return Views.top(shared.get(actor(), shareId, id));
  }

  @GET
  @Path("{shareId}/folders/{folderId}/children")
  @Operation(summary = "One page of a shared folder, breadcrumbs starting at the shared folder")
  public FolderListingView children(
      @PathParam("shareId") String shareId,
      @PathParam("folderId") @Parameter(description = "A folder id or 'root'") String folderId,
      @QueryParam("sort") @DefaultValue("name")
          @Pattern(regexp = "name|size|modified", message = "Sort by name, size or modified.") String sort,
      @QueryParam("order") @DefaultValue("asc")
          @Pattern(regexp = "asc|desc", message = "The order is asc or desc.") String order,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.")
          @Max(value = 1_000_000, message = "Ask for page 1000000 at most.") int page,
      @QueryParam("size") @DefaultValue("200") @Min(value = 1, message = "Ask for at least 1 item.")
          @Max(value = 1000, message = "Ask for at most 1000 items.") int size) {
    return Views.listing(
        shared.list(actor(), shareId, folderId, SortKey.valueOf(sort.toUpperCase(Locale.ROOT)),
            "desc".equals(order), page * size, size));
  }

  @GET
  @Path("{shareId}/files/{id}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "A shared file's bytes; the same headers as /api/files/{id}/content")
  public Response content(
      @PathParam("shareId") String shareId,
      @PathParam("id") String id,
      @QueryParam("disposition") @DefaultValue("attachment")
          @Pattern(regexp = "attachment|inline", message = "disposition is attachment or inline.") String disposition,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("If-Range") String ifRange) {
    return ContentResponses.download(
        shared.download(actor(), shareId, id), range, ifNoneMatch, ifRange, "inline".equals(disposition), request, response,
        Problems.instanceOf(uri));
  }

  @GET
  @Path("{shareId}/folders/{folderId}/zip")
  @Produces("application/zip")
  @Operation(summary = "A shared folder as a zip")
  public Response zip(@PathParam("shareId") String shareId, @PathParam("folderId") String folderId) {
    return ContentResponses.zip(shared.archive(actor(), shareId, folderId), response);
  }

  @POST
  @Path("{shareId}/folders/{folderId}/folders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a folder in a read-write share")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "403", description = "The share is read-only")
  public Response createFolder(
      @PathParam("shareId") String shareId,
      @PathParam("folderId") String folderId,
      @NotNull(message = "Send a JSON body with the folder's name.") @Valid CreateFolderRequest body) {
    NodeDetails folder = shared.createFolder(actor(), shareId, folderId, body.name());
    return Response.status(201).entity(Views.top(folder)).build();
  }

  @PUT
  @Path("{shareId}/folders/{folderId}/files/{name}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Upload a file into a read-write share (streamed; the owner's quota applies)",
      description = "Like PUT /api/files/folders/{folderId}/files/{name}, with onConflict and If-Match.")
  @RequestBody(
      description = "The file's bytes",
      content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "201", description = "A new file was created")
  @APIResponse(responseCode = "200", description = "An existing file got new content")
  @APIResponse(responseCode = "403", description = "The share is read-only")
  @APIResponse(responseCode = "507", description = "Over the owner's quota")
  public Response upload(
      @PathParam("shareId") String shareId,
      @PathParam("folderId") String folderId,
      @PathParam("name") String name,
      @QueryParam("onConflict") @DefaultValue("replace")
          @Pattern(regexp = "replace|rename|fail", message = "onConflict is replace, rename or fail.")
          String onConflict,
      @HeaderParam("If-Match") String ifMatch)
      throws IOException {
    Long length = UploadBodies.length(request);
    if (length == null) {
      return Problems.response(411, UploadBodies.LENGTH_REQUIRED, Problems.instanceOf(uri));
    }
    WritePreconditions preconditions =
        new WritePreconditions(EntityTags.parse(ifMatch), false);
    UploadResult result =
        shared.upload(actor(), shareId, folderId, name, request.getContentType(), request.getInputStream(), length,
            policy(onConflict), preconditions);
    NodeView view = Views.top(result.file());
    return Response.status(result.created() ? 201 : 200).entity(view).header("ETag", view.etag()).build();
  }

  @PUT
  @Path("{shareId}/files/{id}/content")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Save new content over a file of a read-write share (the built-in editor's save)",
      description =
          "Works for a file anywhere in the share, including a shared single file. The previous content stays a"
              + " version. With If-Match, a change made meanwhile answers 412 instead of being overwritten.")
  @RequestBody(
      description = "The file's new bytes",
      content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "200", description = "Saved; the ETag header is the new entity tag")
  @APIResponse(responseCode = "403", description = "The share is read-only")
  @APIResponse(responseCode = "412", description = "The file changed since the If-Match entity tag")
  @APIResponse(responseCode = "507", description = "Over the owner's quota")
  public Response replaceContent(
      @PathParam("shareId") String shareId,
      @PathParam("id") String id,
      @HeaderParam("If-Match") String ifMatch)
      throws IOException {
    Long length = UploadBodies.length(request);
    if (length == null) {
      return Problems.response(411, UploadBodies.LENGTH_REQUIRED, Problems.instanceOf(uri));
    }
    UploadResult result =
        shared.replaceContent(actor(), shareId, id, request.getContentType(), request.getInputStream(), length,
            new WritePreconditions(EntityTags.parse(ifMatch), false));
    NodeView view = Views.top(result.file());
    return Response.ok(view).header("ETag", view.etag()).build();
  }

  @PATCH
  @Path("{shareId}/nodes/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename and/or move inside a read-write share (parentId a folder of the share or 'root')")
  public NodeView update(
      @PathParam("shareId") String shareId,
      @PathParam("id") String id,
      @QueryParam("onConflict") @DefaultValue("fail")
          @Pattern(regexp = "fail|rename", message = "onConflict is fail or rename.") String onConflict,
      @NotNull(message = "Send a JSON body with name and/or parentId.") @Valid UpdateNodeRequest body) {
    return Views.top(shared.update(actor(), shareId, id, body.name(), body.parentId(), policy(onConflict)));
  }

  @DELETE
  @Path("{shareId}/nodes/{id}")
  @Operation(summary = "Move a file or folder of a read-write share to its owner's trash")
  @APIResponse(responseCode = "204", description = "In the owner's trash")
  public Response delete(@PathParam("shareId") String shareId, @PathParam("id") String id) {
    shared.delete(actor(), shareId, id);
    return Response.noContent().build();
  }

  private FileActor actor() {
    return new FileActor(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }

  static ConflictPolicy policy(String value) {
    return switch (value) {
      case "replace" -> ConflictPolicy.REPLACE;
      case "rename" -> ConflictPolicy.RENAME;
      default -> ConflictPolicy.FAIL;
    };
  }
}
