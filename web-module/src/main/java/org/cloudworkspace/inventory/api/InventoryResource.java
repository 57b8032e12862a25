package org.cloudworkspace.inventory.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.Download;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.inventory.InventorySettings;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The Inventory panel: search InventoryPro's items, show one, attach one of the user's files to it. When InventoryPro
 * is down, slow or failing these answer 503 within about two seconds; nothing else in the workspace waits on it.
 */
@Path("inventory")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "InventoryPro")
public class InventoryResource {

  /** What InventoryPro item ids look like; anything else is refused before a request leaves the workspace. */
  static final String ITEM_ID = "[A-Za-z0-9_-]{1,64}";

  @Inject InventorySettings settings;

  @Inject InventoryProGateway inventoryPro;

  @Inject FileService files;

  @Inject AuditLog audit;

  @Inject ClientAddresses addresses;

  @Inject JsonWebToken jwt;

  @Context HttpServletRequest request;

  @GET
  @Path("status")
  @Operation(summary = "Whether the InventoryPro integration is configured")
  public InventoryStatusView status() {
    return new InventoryStatusView(settings.configured());
  }

  @GET
  @Path("items")
  @Operation(summary = "Search InventoryPro's items")
  @APIResponse(responseCode = "200", description = "Matching items and their total")
  @APIResponse(responseCode = "503", description = "InventoryPro is not configured or not reachable right now")
  public ItemSearchView search(
      @QueryParam("q") @DefaultValue("")
          @Size(max = 200, message = "A search is at most 200 characters.")
          @Pattern(regexp = "[^\\p{Cntrl}]*", message = "A search cannot contain control characters.")
          String query) {
    settings.requireConfigured();
    return inventoryPro.searchItems(query.strip());
  }

  @GET
  @Path("items/{id}")
  @Operation(summary = "One InventoryPro item with its attachments")
  @APIResponse(responseCode = "200", description = "The item")
  @APIResponse(responseCode = "404", description = "InventoryPro has no such item")
  @APIResponse(responseCode = "503", description = "InventoryPro is not configured or not reachable right now")
  public ItemView item(@PathParam("id") @Pattern(regexp = ITEM_ID, message = "Not an InventoryPro item id.") String id) {
    settings.requireConfigured();
    return inventoryPro.item(id);
  }

  @POST
  @Path("items/{id}/attachments")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Attach one of the user's files to an InventoryPro item",
      description = "The file is streamed from the user's storage to InventoryPro, never held in memory whole.")
  @APIResponse(responseCode = "201", description = "The attachment as InventoryPro recorded it")
  @APIResponse(responseCode = "404", description = "No such file in the user's storage, or no such item")
  @APIResponse(responseCode = "503", description = "InventoryPro is not configured or not reachable right now")
  public Response attach(
      @PathParam("id") @Pattern(regexp = ITEM_ID, message = "Not an InventoryPro item id.") String id,
      @NotNull(message = "Send a JSON body with the fileId.") @Valid AttachFileRequest body) {
    settings.requireConfigured();
    ClientInfo client = addresses.of(request);
    Download file = files.download(new FileActor(jwt.getSubject(), jwt.getName(), client), body.fileId());
    String sha256 = sha256Of(file);
    AttachmentView attachment;
    try (InputStream content = file.content().open(0, file.size())) {
      attachment =
          inventoryPro.attach(id, encodeFilename(file.name()), contentTypeOf(file), sha256, content);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading file " + body.fileId() + " for InventoryPro failed", e);
    } catch (RuntimeException e) {
      audit.record(AuditType.INVENTORY_ATTACH, AuditOutcome.FAILURE, jwt.getSubject(), jwt.getName(),
          "item " + id, client, "file " + body.fileId() + ": " + e.getMessage());
      throw e;
    }
    audit.record(AuditType.INVENTORY_ATTACH, AuditOutcome.SUCCESS, jwt.getSubject(), jwt.getName(), "item " + id,
        client, "file " + body.fileId() + " (" + file.size() + " bytes)");
    return Response.status(Response.Status.CREATED).entity(attachment).build();
  }

  /** The file's SHA-256, read in a streaming pass of its own (the signature covers it before the body is sent). */
  private static String sha256Of(Download file) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(file.content().open(0, file.size()), digest)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("Reading a file to hash it failed", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e);
    }
  }

  private static String contentTypeOf(Download file) {
    String type = file.mimeType();
    return type == null || type.isBlank() || type.chars().anyMatch(c -> c < 0x20 || c > 0x7e)
        ? MediaType.APPLICATION_OCTET_STREAM
        : type;
  }

  /** UTF-8, percent-encoded; spaces as {@code %20}. */
  static String encodeFilename(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
