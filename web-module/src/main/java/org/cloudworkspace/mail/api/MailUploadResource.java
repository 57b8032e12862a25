package org.cloudworkspace.mail.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.mail.MailSettings;
import org.cloudworkspace.mail.MailUploads;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Attachments uploaded for a message being composed (kept for a day or until sent). */
@Path("mail/uploads")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Mail")
public class MailUploadResource {

  @Inject MailUploads uploads;

  @Inject MailSettings settings;

  @Inject JsonWebToken jwt;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Upload an attachment: the body is the file, ?name= its name, Content-Type its type")
  @APIResponse(responseCode = "201", description = "id, name, size, contentType")
  @APIResponse(responseCode = "413", description = "Larger than the attachment limit (named in the detail)")
  public Response upload(@QueryParam("name") String name, @HeaderParam("Content-Type") String contentType,
      @HeaderParam("Content-Length") Long length, InputStream body) {
    if (name == null || name.isBlank() || name.length() > 255
        || name.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '/' || c == '\\')) {
      throw new InvalidInputException("name", "Give the file name (at most 255 characters, no slashes).");
    }
    if (length != null && length > settings.maxAttachmentBytes()) {
      throw org.cloudworkspace.mail.MailUploads.tooLargeFor(settings.maxAttachmentBytes());
    }
    String type = contentType == null || contentType.isBlank() || contentType.length() > 255
        || contentType.chars().anyMatch(c -> c < 0x20) ? "application/octet-stream" : contentType;
    MailUploads.Upload upload = uploads.store(jwt.getSubject(), name.strip(), type, body);
    return Response.status(Response.Status.CREATED)
        .entity(Map.of("id", upload.id(), "name", upload.name(), "size", upload.size(), "contentType",
            upload.contentType()))
        .build();
  }

  @DELETE
  @Path("{uploadId}")
  @Operation(summary = "Discard an upload")
  public Response delete(@PathParam("uploadId") String id) {
    uploads.delete(jwt.getSubject(), id);
    return Response.noContent().build();
  }
}
