package org.cloudworkspace.files.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.cloudworkspace.common.error.Problems;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.SortKey;
import org.cloudworkspace.files.UploadResult;
import org.cloudworkspace.files.WritePreconditions;
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

/** Folders: their children, new subfolders, and streamed uploads into them. {@code folderId} may be {@code root}. */
@Path("files/folders")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Files")
public class FolderResource {

  @Inject FileService files;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context UriInfo uri;

  @GET
  @Path("{folderId}/children")
  @Operation(summary = "One page of a folder: subfolders first, then files; with the breadcrumbs from the root")
  public FolderListingView children(
      @PathParam("folderId") @Parameter(description = "A folder id or 'root'") String folderId,
      @QueryParam("sort") @DefaultValue("name")
          @Pattern(regexp = "name|size|modified", message = "Sort by name, size or modified.") String sort,
      @QueryParam("order") @DefaultValue("asc")
          @Pattern(regexp = "asc|desc", message = "The order is asc or desc.") String order,
      @QueryParam("page") @DefaultValue("0") @Min(value = 0, message = "Pages start at 0.")
          @Max(value = 1_000_000, message = "Ask for page 1000000 at most.") int page,
      @QueryParam("size") @DefaultValue("200") @Min(value = 1, message = "Ask for at least 1 item.")
          @Max(value = 1000, message = "Ask for at most 1000 items.") int size) {
    return FolderListingView.from(
        files.list(actor(), folderId, SortKey.valueOf(sort.toUpperCase(Locale.ROOT)), "desc".equals(order),
            page * size, size));
  }

  @POST
  @Path("{folderId}/folders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a folder")
  @APIResponse(responseCode = "201", description = "Created")
  @APIResponse(responseCode = "409", description = "The name is taken in that folder")
  public Response createFolder(
      @PathParam("folderId") String folderId,
      @NotNull(message = "Send a JSON body with the folder's name.") @Valid CreateFolderRequest body) {
    NodeDetails folder = files.createFolder(actor(), folderId, body.name());
    return Response.created(location(folder)).entity(NodeView.from(folder)).build();
  }

  @PUT
  @Path("{folderId}/files/{name}")
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "Upload a file (streamed)",
      description =
          "The raw body is the file; Content-Type is stored as its type. Content-Length is required unless the body"
              + " is sent chunked. The quota is checked against Content-Length before reading and while reading."
              + " If-Match makes the write conditional on the file's current ETag; If-None-Match: * on the name being"
              + " free. Overwriting keeps the previous content as a version.")
  @RequestBody(
      description = "The file's bytes",
      content = @Content(mediaType = "*/*", schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(responseCode = "201", description = "A new file was created")
  @APIResponse(responseCode = "200", description = "An existing file got new content")
  @APIResponse(responseCode = "409", description = "The name is taken (onConflict=fail, or it is a folder)")
  @APIResponse(responseCode = "411", description = "Neither Content-Length nor chunked")
  @APIResponse(responseCode = "412", description = "If-Match or If-None-Match did not hold")
  @APIResponse(responseCode = "507", description = "Over the quota; the message says how much is free")
  public Response upload(
      @PathParam("folderId") String folderId,
      @PathParam("name") @Parameter(description = "The file name, URL-encoded") String name,
      @QueryParam("onConflict") @DefaultValue("replace")
          @Pattern(regexp = "replace|rename|fail", message = "onConflict is replace, rename or fail.")
          String onConflict,
      @HeaderParam("If-Match") String ifMatch,
      @HeaderParam("If-None-Match") String ifNoneMatch)
      throws IOException {
    long length = request.getContentLengthLong();
    String transferEncoding = request.getHeader("Transfer-Encoding");
    boolean chunked = transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked");
    if (length < 0 && !chunked) {
      return Problems.response(
          411, "Send the file's size in Content-Length, or send the body chunked.", Problems.instanceOf(uri));
    }
    if (ifNoneMatch != null && !"*".equals(ifNoneMatch.trim())) {
      return Problems.response(
          400, "Uploads accept only 'If-None-Match: *' (create only if the name is free).", Problems.instanceOf(uri));
    }
    WritePreconditions preconditions = new WritePreconditions(EntityTags.parse(ifMatch), ifNoneMatch != null);
    UploadResult result =
        files.upload(
            actor(), folderId, name, request.getContentType(), request.getInputStream(), chunked ? -1 : length,
            FileActors.policy(onConflict), preconditions);
    NodeView view = NodeView.from(result.file());
    Response.ResponseBuilder response =
        result.created() ? Response.created(location(result.file())) : Response.ok();
    return response.entity(view).header("ETag", view.etag()).build();
  }

  private URI location(NodeDetails node) {
    return uri.getBaseUriBuilder().path("files").path(node.node().id()).build();
  }

  private org.cloudworkspace.files.FileActor actor() {
    return FileActors.of(jwt, addresses, request);
  }
}
