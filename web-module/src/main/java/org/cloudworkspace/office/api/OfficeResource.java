package org.cloudworkspace.office.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.Download;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.office.BlankDocuments;
import org.cloudworkspace.office.DocumentFormats;
import org.cloudworkspace.office.OfficeService;
import org.cloudworkspace.office.OfficeSettings;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Documents: the editor config for the Document Server, new blank documents, who is editing, unsaved changes; and the
 * two endpoints the Document Server itself calls without a user session (the signed download and the callback).
 */
@Path("office")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Documents")
public class OfficeResource {

  /** The largest callback body read; callbacks are small JSON documents. */
  static final int MAX_CALLBACK_BYTES = 256 * 1024;

  @Inject OfficeService office;

  @Inject OfficeSettings settings;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context HttpHeaders headers;

  @GET
  @Path("capabilities")
  @RolesAllowed({"user", "admin"})
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Whether a Document Server is configured, and which extensions open where")
  public CapabilitiesView capabilities() {
    return new CapabilitiesView(
        settings.enabled(), settings.enabled() ? settings.publicUrl() : null, DocumentFormats.editable(),
        DocumentFormats.viewable(), DocumentFormats.text());
  }

  @GET
  @Path("editor-config")
  @RolesAllowed({"user", "admin"})
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "The signed editor config of a document (by fileId or path)",
      description =
          "config.token is an HS256 JWT over the whole config under ONLYOFFICE_TOKEN_SECRET. document.key is the same"
              + " for everyone opening this version and changes after every save; document.url is a 15-minute signed"
              + " link to this version; editorConfig.callbackUrl is bound to the file.")
  @APIResponse(responseCode = "200", description = "The config and the Document Server's api.js address")
  @APIResponse(responseCode = "400", description = "Neither or both of fileId and path, or not a document")
  @APIResponse(responseCode = "404", description = "No such file of yours, or no such share with you or file in it")
  @APIResponse(responseCode = "503", description = "No Document Server is configured")
  public EditorConfigView editorConfig(
      @QueryParam("fileId") @Size(max = 64, message = "fileId is too long.") String fileId,
      @QueryParam("path") @Size(max = 4096, message = "path is too long.") String path,
      @QueryParam("shareId")
          @Parameter(
              description =
                  "A share with you the file is in: edit mode through a read-write share, view mode through a"
                      + " read-only one; fileId is then required")
          @Size(max = 64, message = "shareId is too long.") String shareId) {
    if (shareId != null) {
      if (path != null || fileId == null) {
        throw new InvalidInputException("fileId", "A document in a share is opened by fileId, not by path.");
      }
      return EditorConfigView.from(office.sharedEditorConfig(actor(), shareId, fileId, baseUrl()));
    }
    return EditorConfigView.from(office.editorConfig(actor(), fileId, path, baseUrl()));
  }

  @POST
  @Path("documents")
  @RolesAllowed({"user", "admin"})
  @Consumes(MediaType.APPLICATION_JSON)
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Create a blank document, spreadsheet or presentation (docx, xlsx, pptx) in a folder")
  @APIResponse(responseCode = "201", description = "The new file (a taken name gets a counter)")
  public Response createDocument(@NotNull(message = "Send a JSON body.") @Valid NewDocumentRequest body) {
    var created =
        office.createBlank(actor(), body.folderId(), body.name(), BlankDocuments.Kind.parse(body.kind()));
    return Response.status(201).entity(NewDocumentView.from(created)).build();
  }

  @GET
  @Path("files/{fileId}/editors")
  @RolesAllowed({"user", "admin"})
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Who has the file open in the Document Server now (shareId: a file of a share with you)")
  public List<EditorView> editors(
      @PathParam("fileId") String fileId,
      @QueryParam("shareId") @Size(max = 64, message = "shareId is too long.") String shareId) {
    var editors = shareId == null ? office.editorsOf(actor(), fileId) : office.sharedEditorsOf(actor(), shareId, fileId);
    return editors.stream().map(EditorView::from).toList();
  }

  @GET
  @Path("folders/{folderId}/editing")
  @RolesAllowed({"user", "admin"})
  @SecurityRequirement(name = "bearer")
  @Operation(
      summary = "The files of a folder someone has open in the Document Server, and who",
      description =
          "For the file list's \"editing: Name\" marks, in one request. folderId may be 'root'; with shareId it is a"
              + " folder of that share with you ('root': the shared item).")
  @APIResponse(responseCode = "200", description = "Only the files being edited; an empty list when none is")
  @APIResponse(responseCode = "404", description = "No such folder of yours, or no such share or folder in it")
  public List<EditedFileView> editing(
      @PathParam("folderId") @Size(max = 64, message = "folderId is too long.") String folderId,
      @QueryParam("shareId") @Size(max = 64, message = "shareId is too long.") String shareId) {
    var edited =
        shareId == null ? office.editingIn(actor(), folderId) : office.sharedEditingIn(actor(), shareId, folderId);
    return edited.stream().map(EditedFileView::from).toList();
  }

  @GET
  @Path("unsaved")
  @RolesAllowed({"user", "admin"})
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Changes to your documents the Document Server delivered that are not stored yet")
  public List<UnsavedChangeView> unsaved() {
    return office.unsavedOf(jwt.getSubject()).stream().map(UnsavedChangeView::from).toList();
  }

  @POST
  @Path("unsaved/{id}/retry")
  @RolesAllowed({"user", "admin"})
  @SecurityRequirement(name = "bearer")
  @Operation(summary = "Try to store an unsaved change of one of your documents again now")
  @APIResponse(responseCode = "200", description = "The change as it stands afterwards (state saved or failed)")
  @APIResponse(responseCode = "404", description = "No such unsaved change of yours")
  @APIResponse(responseCode = "409", description = "It is being stored right now")
  public UnsavedChangeView retry(@PathParam("id") @Size(max = 64, message = "id is too long.") String id) {
    return UnsavedChangeView.from(
        office.retry(id, jwt.getSubject(), jwt.getSubject(), jwt.getName(), addresses.of(request)));
  }

  @GET
  @Path("download")
  @PermitAll
  @Produces(MediaType.WILDCARD)
  @Operation(
      summary = "The document for the Document Server (signed link, no session)",
      description =
          "The link from document.url; its token binds the file version and expires after 15 minutes. The Document"
              + " Server's own bearer token in the configured header is accepted and, when sent, must be valid.")
  @APIResponse(responseCode = "200", description = "The bytes of the version the link was made for")
  @APIResponse(responseCode = "401", description = "The link is not valid or has expired, or the bearer token is bad")
  @APIResponse(responseCode = "404", description = "That version no longer exists")
  public Response download(@QueryParam("token") @Size(max = 4096, message = "token is too long.") String token) {
    Download download = office.downloadForServer(token, headers.getHeaderString(settings.jwtHeader()));
    StreamingOutput body =
        out -> {
          try (InputStream in = download.content().open(0, download.size())) {
            in.transferTo(out);
          }
        };
    return Response.ok(body, download.mimeType() == null ? "application/octet-stream" : download.mimeType())
        .header("Content-Length", download.size())
        .header("Content-Disposition", "attachment")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @POST
  @Path("callback")
  @PermitAll
  @Consumes(MediaType.WILDCARD)
  @Operation(
      summary = "The Document Server's callback (no session; JWT in the body token or the configured header)",
      description =
          "Answers {\"error\":0} only after a delivered document is stored durably as a new version; anything else"
              + " makes the Document Server retry. Unsigned or wrongly signed callbacks are answered {\"error\":1} and"
              + " change nothing.")
  public CallbackAnswerView callback(
      @QueryParam("token") @Size(max = 4096, message = "token is too long.") String token, InputStream body)
      throws IOException {
    byte[] raw = body.readNBytes(MAX_CALLBACK_BYTES + 1);
    if (raw.length > MAX_CALLBACK_BYTES) {
      return new CallbackAnswerView(1, "The callback body is too large.");
    }
    return CallbackAnswerView.from(
        office.callback(
            token, new String(raw, StandardCharsets.UTF_8), headers.getHeaderString(settings.jwtHeader()),
            addresses.of(request)));
  }

  private FileActor actor() {
    return new FileActor(jwt.getSubject(), jwt.getName(), addresses.of(request));
  }

  /** The app's address as the browser used it (behind a trusted proxy, as the proxy forwarded it). */
  private String baseUrl() {
    String forwardedHost = request.getHeader("X-Forwarded-Host");
    boolean trusted = addresses.isTrustedProxy(request);
    String scheme = addresses.isSecure(request) ? "https" : "http";
    String host = trusted && forwardedHost != null && forwardedHost.matches("[A-Za-z0-9.:\\[\\]-]{1,255}")
        ? forwardedHost
        : request.getServerName() + (isDefaultPort(request.getScheme(), request.getServerPort()) ? ""
            : ":" + request.getServerPort());
    return scheme + "://" + host + request.getContextPath();
  }

  private static boolean isDefaultPort(String scheme, int port) {
    return ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
  }
}
