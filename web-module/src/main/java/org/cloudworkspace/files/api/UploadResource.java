package org.cloudworkspace.files.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.ResumableUploads;
import org.cloudworkspace.files.WritePreconditions;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Resumable uploads with the tus 1.0 protocol (core, creation, termination, checksum with sha1 and sha256,
 * expiration), for large files and unreliable networks: the upload survives a dropped connection, a page reload and
 * a server restart. Only the user who created an upload can see or touch it; anyone else gets 404.
 */
@Path("files/uploads")
@RolesAllowed({"user", "admin"})
@SecurityRequirement(name = "bearer")
@Tag(name = "Files")
@TusProtocol
public class UploadResource {

  @Inject ResumableUploads uploads;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context UriInfo uri;

  @OPTIONS
  @PermitAll
  @Operation(summary = "What this tus server supports: version, extensions, checksum algorithms, largest upload")
  @APIResponse(responseCode = "204", description = "Tus-Version, Tus-Extension, Tus-Max-Size, Tus-Checksum-Algorithm")
  public Response options() {
    return Response.noContent()
        .header(TusHeaders.VERSION, TusHeaders.PROTOCOL_VERSION)
        .header(TusHeaders.EXTENSION, TusHeaders.EXTENSIONS)
        .header(TusHeaders.MAX_SIZE, Long.toString(uploads.maxSize()))
        .header(TusHeaders.CHECKSUM_ALGORITHM, String.join(",", ResumableUploads.CHECKSUM_ALGORITHMS))
        .build();
  }

  @POST
  @Operation(
      summary = "Start a resumable upload (tus creation)",
      description =
          "Upload-Length is required (deferred lengths are not supported). Upload-Metadata (Base64 values): filename"
              + " (required), folderId (default root), filetype (the media type), onConflict (replace, rename or fail;"
              + " default replace), ifMatch (the ETag the file being replaced must still have), ifNoneMatch ('*': the"
              + " name must be free). The checks of a streamed upload (folder, name, conflict, preconditions, quota"
              + " against Upload-Length) happen now and again when the last byte arrives.")
  @APIResponse(responseCode = "201", description = "Created: Location is the upload's address; Upload-Expires")
  @APIResponse(responseCode = "400", description = "A bad header, metadata field or file name")
  @APIResponse(responseCode = "409", description = "The name is taken (onConflict=fail, or it is a folder)")
  @APIResponse(responseCode = "412", description = "Tus-Resumable missing or not 1.0.0, or ifMatch/ifNoneMatch fail")
  @APIResponse(responseCode = "413", description = "Larger than Tus-Max-Size")
  @APIResponse(responseCode = "507", description = "Upload-Length is more than the free quota")
  public Response create(
      @HeaderParam(TusHeaders.UPLOAD_LENGTH) String lengthHeader,
      @HeaderParam(TusHeaders.UPLOAD_DEFER_LENGTH) String deferLength,
      @HeaderParam(TusHeaders.UPLOAD_METADATA) String metadataHeader) {
    if (deferLength != null) {
      throw new InvalidInputException(
          TusHeaders.UPLOAD_DEFER_LENGTH, "Deferred lengths are not supported: send Upload-Length.");
    }
    long length = TusHeaders.number(lengthHeader, TusHeaders.UPLOAD_LENGTH);
    if (length < 0) {
      throw new InvalidInputException(TusHeaders.UPLOAD_LENGTH, "Send the file's size in Upload-Length.");
    }
    Map<String, String> metadata = TusHeaders.metadata(metadataHeader);
    String name = metadata.getOrDefault("filename", metadata.get("name"));
    if (name == null) {
      throw new InvalidInputException("filename", "Name the file: Upload-Metadata needs a filename.");
    }
    String folderId = metadata.getOrDefault("folderId", "root");
    String type = metadata.getOrDefault("filetype", metadata.get("type"));
    ConflictPolicy policy = conflictPolicy(metadata.getOrDefault("onConflict", "replace"));
    String ifNoneMatch = metadata.get("ifNoneMatch");
    if (ifNoneMatch != null && !"*".equals(ifNoneMatch.strip())) {
      throw new InvalidInputException("ifNoneMatch", "ifNoneMatch accepts only '*' (create only if the name is free).");
    }
    List<String> ifMatch = metadata.containsKey("ifMatch") ? EntityTags.parse(metadata.get("ifMatch")) : null;
    ResumableUploads.Status status =
        uploads.create(
            actor(), folderId, name, type, length, policy, new WritePreconditions(ifMatch, ifNoneMatch != null),
            metadataHeader == null || metadataHeader.isBlank() ? null : metadataHeader.strip());
    URI location = uri.getBaseUriBuilder().path("files").path("uploads").path(status.id()).build();
    return withStatus(Response.created(location), status).build();
  }

  @HEAD
  @Path("{id}")
  @Operation(summary = "Where an upload stands: Upload-Offset (the bytes durably received), Upload-Length")
  @APIResponse(responseCode = "200", description = "Upload-Offset, Upload-Length, Upload-Metadata, Upload-Expires")
  @APIResponse(responseCode = "404", description = "No such upload of yours (never existed, cancelled or expired)")
  public Response head(@PathParam("id") @Parameter(description = "The upload's id") String id) {
    ResumableUploads.Status status = uploads.status(actor(), id);
    Response.ResponseBuilder response =
        withStatus(Response.ok(), status)
            .header(TusHeaders.UPLOAD_LENGTH, Long.toString(status.length()))
            .header("Cache-Control", "no-store");
    if (status.metadata() != null) {
      response.header(TusHeaders.UPLOAD_METADATA, status.metadata());
    }
    return response.build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(TusHeaders.OFFSET_OCTET_STREAM)
  @Operation(
      summary = "Append bytes to an upload",
      description =
          "Upload-Offset must be the upload's current offset. The bytes are durable before the answer; bytes that"
              + " arrived before a dropped connection are kept (unless the request had a checksum). Upload-Checksum"
              + " (sha1 or sha256, Base64) is checked over this request's bytes; on a mismatch they are discarded and"
              + " the answer is 460. The last byte turns the upload into the file (a version of the previous content"
              + " on overwrite).")
  @APIResponse(responseCode = "204", description = "Stored: the new Upload-Offset and Upload-Expires")
  @APIResponse(responseCode = "404", description = "No such upload of yours")
  @APIResponse(responseCode = "409", description = "Upload-Offset is not the upload's offset (Upload-Offset tells it)")
  @APIResponse(responseCode = "413", description = "The bytes go past Upload-Length")
  @APIResponse(responseCode = "415", description = "Content-Type is not application/offset+octet-stream")
  @APIResponse(responseCode = "423", description = "Another request is writing to this upload")
  @APIResponse(responseCode = "460", description = "The checksum does not match; the bytes were discarded")
  @APIResponse(responseCode = "507", description = "The completed file no longer fits in the quota")
  public Response append(
      @PathParam("id") String id,
      @HeaderParam(TusHeaders.UPLOAD_OFFSET) String offsetHeader,
      @HeaderParam(TusHeaders.UPLOAD_CHECKSUM) String checksumHeader)
      throws IOException {
    long offset = TusHeaders.number(offsetHeader, TusHeaders.UPLOAD_OFFSET);
    if (offset < 0) {
      throw new InvalidInputException(TusHeaders.UPLOAD_OFFSET, "Send the offset the bytes start at in Upload-Offset.");
    }
    ResumableUploads.ChunkChecksum checksum = TusHeaders.checksum(checksumHeader);
    ResumableUploads.Status status =
        uploads.append(actor(), id, offset, request.getInputStream(), request.getContentLengthLong(), checksum);
    return withStatus(Response.noContent(), status).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Cancel an upload (tus termination): its bytes are deleted")
  @APIResponse(responseCode = "204", description = "Cancelled")
  @APIResponse(responseCode = "404", description = "No such upload of yours")
  @APIResponse(responseCode = "423", description = "A request is still writing to it; try again shortly")
  public Response terminate(@PathParam("id") String id) {
    uploads.terminate(actor(), id);
    return Response.noContent().build();
  }

  private static Response.ResponseBuilder withStatus(Response.ResponseBuilder response,
      ResumableUploads.Status status) {
    response
        .header(TusHeaders.UPLOAD_OFFSET, Long.toString(status.offset()))
        .header(TusHeaders.UPLOAD_EXPIRES, TusHeaders.date(status.expiresAt()));
    if (status.complete()) {
      response.header("Upload-File-Id", status.fileId());
    }
    return response;
  }

  private static ConflictPolicy conflictPolicy(String value) {
    return switch (value.strip()) {
      case "replace" -> ConflictPolicy.REPLACE;
      case "rename" -> ConflictPolicy.RENAME;
      case "fail" -> ConflictPolicy.FAIL;
      default -> throw new InvalidInputException("onConflict", "onConflict is replace, rename or fail.");
    };
  }

  private FileActor actor() {
    return FileActors.of(jwt, addresses, request);
  }
}
