package org.cloudworkspace.inventory.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;

/**
 * InventoryPro's HTTP API as the workspace uses it (MicroProfile Rest Client, built by {@link InventoryProGateway} with
 * the base address from the settings). Every request is signed by {@link InventoryProSigningFilter}.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryProApi {

  /** Percent-encoded UTF-8 file name of an attachment. */
  String FILENAME_HEADER = "X-InventoryPro-Filename";

  /** The attachment's own media type (the body is always sent as application/octet-stream). */
  String CONTENT_TYPE_HEADER = "X-InventoryPro-Content-Type";

  /** Lowercase hex SHA-256 of a streamed body, which is also the body hash its signature covers. */
  String CONTENT_SHA256_HEADER = "X-InventoryPro-Content-SHA256";

  @GET
  @Path("items")
  ItemSearchView searchItems(@QueryParam("q") String query);

  @GET
  @Path("items/{id}")
  ItemView item(@PathParam("id") String id);

  @POST
  @Path("items/{id}/attachments")
  @Consumes(MediaType.APPLICATION_OCTET_STREAM)
  AttachmentView attach(
      @PathParam("id") String id,
      @HeaderParam(FILENAME_HEADER) String encodedFilename,
      @HeaderParam(CONTENT_TYPE_HEADER) String contentType,
      @HeaderParam(CONTENT_SHA256_HEADER) String contentSha256,
      InputStream content);
}
