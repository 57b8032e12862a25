package org.cloudworkspace.files.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.Retention;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The trash: what was deleted, restoring it, deleting it for good. */
@Path("files/trash")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "Files")
public class TrashResource {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject FileService files;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @GET
  @Operation(summary = "Items in the trash, most recently deleted first")
  public List<TrashItemView> list() {
    Retention retention = files.retention();
    return files.trash(actor()).stream().map(item -> TrashItemView.from(item, retention)).toList();
  }

  @POST
  @Path("{id}/restore")
  @Operation(
      summary = "Restore an item",
      description =
          "Into parentId when given; else back where it was, or into the root folder when that folder is gone or in"
              + " the trash. A name taken meanwhile gets a counter, like 'report (2).pdf'. The body is optional.")
  @RequestBody(
      description = "{\"parentId\": …} or nothing",
      content = @Content(mediaType = "application/json", schema = @Schema(implementation = RestoreRequest.class)))
  public NodeView restore(@PathParam("id") String id, String body) {
    return NodeView.from(files.restore(actor(), id, parentIdOf(body)));
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete an item of the trash for good")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response deleteForever(@PathParam("id") String id) {
    files.deleteForever(actor(), id);
    return Response.noContent().build();
  }

  @DELETE
  @Operation(summary = "Empty the trash")
  @APIResponse(responseCode = "204", description = "Emptied")
  public Response empty() {
    files.emptyTrash(actor());
    return Response.noContent().build();
  }

  /** The optional body: absent, empty, {@code {}} or {@code {"parentId": "…"}}. */
  private static String parentIdOf(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      RestoreRequest restore = JSONB.fromJson(body, RestoreRequest.class);
      return restore == null ? null : restore.parentId();
    } catch (JsonbException e) {
      throw new InvalidInputException("body", "Send no body, or JSON like {\"parentId\": \"root\"}.");
    }
  }

  private FileActor actor() {
    return FileActors.of(jwt, addresses, request);
  }
}
