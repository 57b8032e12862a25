package org.cloudworkspace.files.api;

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
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.error.Problems;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.ResultPage;
import org.cloudworkspace.files.Retention;
import org.cloudworkspace.files.Thumbnails;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Files and folders by id: details, content, rename/move, copy, delete to the trash, versions, favourites and zip
 * downloads; plus usage, search and recent files. Another user's id answers 404, like an id that does not exist.
 */
@Path("files")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Files")
public class FileResource {

  @Inject FileService files;

  @Inject Thumbnails thumbnails;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context HttpServletResponse response;

  @Context UriInfo uri;

  @GET
  @Path("usage")
  @Operation(summary = "Bytes used (files, trash, versions), the quota and what is free")
  public UsageView usage() {
    return UsageView.from(files.usage(actor()));
  }

  @GET
  @Path("search")
  @Operation(summary = "Files and folders whose name contains the text, ignoring case, with their paths")
  public SearchResultView search(
      @QueryParam("q") @NotNull(message = "Enter something to search for.") String q,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.")
          @Max(value = 1_000_000, message = "Ask for page 1000000 at most.") int page,
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 result.")
          @Max(value = 200, message = "Ask for at most 200 results.") int size) {
    ResultPage<NodeDetails> results = files.search(actor(), q, page * size, size);
    return new SearchResultView(results.items().stream().map(NodeWithPathView::from).toList(), results.total());
  }

  @GET
  @Path("recent")
  @Operation(summary = "The most recently changed files, newest first, with their paths")
  public List<NodeWithPathView> recent(
      @QueryParam("size") @DefaultValue("50") @Min(value = 1, message = "Ask for at least 1 file.")
          @Max(value = 200, message = "Ask for at most 200 files.") int size) {
    return files.recent(actor(), size).stream().map(NodeWithPathView::from).toList();
  }

  @GET
  @Path("favorites")
  @Operation(summary = "Favourite files and folders by name, with their paths")
  public List<NodeWithPathView> favorites() {
    return files.favorites(actor()).stream().map(NodeWithPathView::from).toList();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "A file or folder ('root' for the root folder)")
  public NodeView get(@PathParam("id") String id) {
    return NodeView.from(files.get(actor(), id));
  }

  @GET
  @Path("{id}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "A file's bytes",
      description =
          "With ETag/If-None-Match (304), a single Range (206, or 416 when outside the file) and Accept-Ranges."
              + " Always nosniff and a sandboxing CSP; an attachment unless disposition=inline is asked for an image"
              + " (not SVG), PDF, audio, video or plain text.")
  @APIResponse(responseCode = "200", description = "The whole file")
  @APIResponse(responseCode = "206", description = "The requested range")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
  @APIResponse(responseCode = "416", description = "The range lies outside the file")
  public Response content(
      @PathParam("id") String id,
      @QueryParam("disposition") @DefaultValue("attachment")
          @Pattern(regexp = "attachment|inline", message = "disposition is attachment or inline.") String disposition,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("If-Range") String ifRange) {
    return ContentResponses.download(
        files.download(actor(), id), range, ifNoneMatch, ifRange, "inline".equals(disposition), request, response,
        Problems.instanceOf(uri));
  }

  @GET
  @Path("{id}/thumbnail")
  @Produces({"image/png", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "A small PNG picture of an image file (PNG, JPEG, GIF, BMP)",
      description =
          "At most size×size pixels (64 or 256), proportions kept, never enlarged; made on first request and kept until"
              + " the content changes. With ETag/If-None-Match (304); cacheable for a week when v is the file's current"
              + " ETag. 404 for other types, pictures over 50 megapixels and files that cannot be read.")
  @APIResponse(responseCode = "200", description = "The thumbnail")
  @APIResponse(responseCode = "304", description = "Unchanged since the ETag in If-None-Match")
  @APIResponse(responseCode = "404", description = "No such file, or no thumbnail of it")
  public Response thumbnail(
      @PathParam("id") String id,
      @QueryParam("size") @DefaultValue("64") String size,
      @Parameter(description = "The file's ETag, to make the answer cacheable") @QueryParam("v") String version,
      @HeaderParam("If-None-Match") String ifNoneMatch) {
    int edge = Thumbnails.SIZES.stream().filter(s -> String.valueOf(s).equals(size)).findFirst()
        .orElseThrow(() -> new InvalidInputException("size", "size is one of " + Thumbnails.SIZES + "."));
    Thumbnails.FileSource file = files.thumbnailSource(actor(), id);
    String etag = "\"t" + edge + "-" + file.etag().replace("\"", "") + "\"";
    String cacheControl = file.etag().equals(version) ? "private, max-age=604800" : "private, no-cache";
    if (EntityTags.anyMatchesWeakly(ifNoneMatch, etag)) {
      return Response.notModified().header("ETag", etag).header("Cache-Control", cacheControl).build();
    }
    java.nio.file.Path png = thumbnails.of(file, edge);
    return Response.ok(png.toFile(), "image/png").header("ETag", etag).header("Cache-Control", cacheControl).build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename and/or move a file or folder")
  @APIResponse(responseCode = "200", description = "The node with its new name and/or folder")
  @APIResponse(responseCode = "400", description = "A bad name, or a folder moved into itself or a subfolder")
  @APIResponse(responseCode = "409", description = "The name is taken in the target folder (onConflict=fail)")
  public NodeView update(
      @PathParam("id") String id,
      @QueryParam("onConflict") @DefaultValue("fail")
          @Pattern(regexp = "fail|rename", message = "onConflict is fail or rename.") String onConflict,
      @NotNull(message = "Send a JSON body with name and/or parentId.") @Valid UpdateNodeRequest body) {
    return NodeView.from(
        files.update(actor(), id, body.name(), body.parentId(), FileActors.policy(onConflict)));
  }

  @POST
  @Path("{id}/copy")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Copy a file, or a folder with everything in it")
  @APIResponse(responseCode = "201", description = "The copy")
  @APIResponse(responseCode = "409", description = "The name is taken in the target folder (onConflict=fail)")
  @APIResponse(responseCode = "507", description = "The copy does not fit in the quota")
  public Response copy(
      @PathParam("id") String id,
      @QueryParam("onConflict") @DefaultValue("fail")
          @Pattern(regexp = "fail|rename", message = "onConflict is fail or rename.") String onConflict,
      @NotNull(message = "Send a JSON body with parentId and optionally name.") @Valid CopyRequest body) {
    NodeDetails copy = files.copy(actor(), id, body.parentId(), body.name(), FileActors.policy(onConflict));
    return Response.created(uri.getBaseUriBuilder().path("files").path(copy.node().id()).build())
        .entity(NodeView.from(copy))
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Move a file, or a folder with everything in it, to the trash")
  @APIResponse(responseCode = "204", description = "In the trash")
  public Response delete(@PathParam("id") String id) {
    files.moveToTrash(actor(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/versions")
  @Operation(summary = "Earlier contents of a file, newest first")
  public List<VersionView> versions(@PathParam("id") String id) {
    Retention retention = files.retention();
    return files.versions(actor(), id).stream().map(v -> VersionView.from(v, retention)).toList();
  }

  @GET
  @Path("{id}/versions/{versionId}/content")
  @Produces(MediaType.WILDCARD)
  @Operation(summary = "The bytes of an earlier version; same headers as the file's content")
  public Response versionContent(
      @PathParam("id") String id,
      @PathParam("versionId") String versionId,
      @HeaderParam("Range") String range,
      @HeaderParam("If-None-Match") String ifNoneMatch,
      @HeaderParam("If-Range") String ifRange) {
    return ContentResponses.download(
        files.versionContent(actor(), id, versionId), range, ifNoneMatch, ifRange, false, request, response,
        Problems.instanceOf(uri));
  }

  @POST
  @Path("{id}/versions/{versionId}/restore")
  @Operation(summary = "Make a version the current content; the current content becomes a version")
  public NodeView restoreVersion(@PathParam("id") String id, @PathParam("versionId") String versionId) {
    return NodeView.from(files.restoreVersion(actor(), id, versionId));
  }

  @DELETE
  @Path("{id}/versions/{versionId}")
  @Operation(summary = "Delete an earlier version for good")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response deleteVersion(@PathParam("id") String id, @PathParam("versionId") String versionId) {
    files.deleteVersion(actor(), id, versionId);
    return Response.noContent().build();
  }

  @PUT
  @Path("{id}/favorite")
  @Operation(summary = "Mark as a favourite")
  @APIResponse(responseCode = "204", description = "Marked")
  public Response favorite(@PathParam("id") String id) {
    files.markFavorite(actor(), id, true);
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/favorite")
  @Operation(summary = "Unmark as a favourite")
  @APIResponse(responseCode = "204", description = "Unmarked")
  public Response unfavorite(@PathParam("id") String id) {
    files.markFavorite(actor(), id, false);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/zip")
  @Produces("application/zip")
  @Operation(summary = "A folder ('root' for everything) as a zip, built while it downloads")
  public Response zip(@PathParam("id") @Parameter(description = "A folder id or 'root'") String id) {
    return ContentResponses.zip(files.archive(actor(), id), response);
  }

  private FileActor actor() {
    return FileActors.of(jwt, addresses, request);
  }
}
