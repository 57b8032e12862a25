package org.cloudworkspace.ide.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.ide.IdeActor;
import org.cloudworkspace.ide.IdeService;
import org.cloudworkspace.ide.IdeWorkspace;
import org.cloudworkspace.ide.IssuedTicket;
import org.cloudworkspace.ide.WorkspaceRuntime;
import org.cloudworkspace.ide.WorkspaceRuntimeException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/ide/workspaces}: the signed-in user's IDE workspaces, their files and their terminals
 * (docs/api/ide.md). Another user's workspace answers 403 and the attempt is audited; a runner that cannot be reached
 * answers 503.
 */
@Path("ide/workspaces")
@RolesAllowed({"user", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@Tag(name = "IDE")
public class IdeWorkspaceResource {

  /** The largest file written through the API (the runner's limit). */
  static final int MAX_WRITE_BYTES = 10 * 1024 * 1024 - 64 * 1024;

  @Inject IdeService ide;

  @Inject JsonWebToken jwt;

  @Inject ClientAddresses addresses;

  @Context HttpServletRequest request;

  @Context UriInfo uri;

  @GET
  @Operation(summary = "The caller's workspaces, newest first, with live status and resource use")
  public List<WorkspaceView> list() {
    return ide.list(actor()).stream().map(WorkspaceView::from).toList();
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a stopped workspace from a template ('default' always exists)")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  public Response create(@Valid @NotNull(message = "Send a JSON body with name and template.") CreateWorkspaceRequest body) {
    IdeWorkspace workspace = ide.create(actor(), body.name(), body.template(), body.autoStopMinutes());
    return Response.created(uri.getAbsolutePathBuilder().path(workspace.id()).build())
        .entity(WorkspaceView.of(workspace))
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One workspace; status 'running' once a terminal can attach")
  public WorkspaceView get(@PathParam("id") String id) {
    return WorkspaceView.from(ide.get(actor(), id));
  }

  @POST
  @Path("{id}/start")
  @Operation(summary = "Start in the background; answers 202 with status 'starting'")
  @APIResponse(responseCode = "202", description = "Starting")
  public Response start(@PathParam("id") String id) {
    return Response.accepted(WorkspaceView.of(ide.start(actor(), id))).build();
  }

  @POST
  @Path("{id}/stop")
  @Operation(summary = "Stop; the files stay")
  public WorkspaceView stop(@PathParam("id") String id) {
    return WorkspaceView.of(ide.stop(actor(), id));
  }

  @POST
  @Path("{id}/restart")
  @Operation(summary = "Stop, then start in the background (answers 202)")
  public Response restart(@PathParam("id") String id) {
    return Response.accepted(WorkspaceView.of(ide.restart(actor(), id))).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Delete the workspace, its container and its files")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("id") String id) {
    ide.delete(actor(), id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/files")
  @Operation(summary = "The entries of a folder (path relative to the workspace folder; empty for the folder itself)")
  public List<FileEntryView> listFolder(@PathParam("id") String id, @QueryParam("path") @Size(max = 4096,
      message = "A path is at most 4096 characters.") String path) {
    return ide.listFolder(actor(), id, path == null ? "" : path).stream().map(FileEntryView::from).toList();
  }

  @GET
  @Path("{id}/files/content")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  @Operation(summary = "A file's content (at most 10 MB); the ETag identifies this version")
  public Response read(@PathParam("id") String id, @QueryParam("path") @NotNull(message = "Give a path.")
      @Size(max = 4096, message = "A path is at most 4096 characters.") String path) {
    WorkspaceRuntime.WorkspaceFile file = ide.read(actor(), id, path);
    return Response.ok(file.bytes(), MediaType.APPLICATION_OCTET_STREAM)
        .header("ETag", "\"" + file.sha256() + "\"")
        .header("Cache-Control", "no-store")
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  @PUT
  @Path("{id}/files/content")
  @Consumes(MediaType.WILDCARD)
  @Operation(summary = "Write a file (at most 10 MB). If-Match: the ETag read (412 when it changed meanwhile);"
      + " If-None-Match: * to create only")
  public Response write(
      @PathParam("id") String id,
      @QueryParam("path") @NotNull(message = "Give a path.") @Size(max = 4096,
          message = "A path is at most 4096 characters.") String path,
      @HeaderParam("If-Match") @Parameter(description = "ETag of the version overwritten") String ifMatch,
      @HeaderParam("If-None-Match") @Parameter(description = "'*': only create") String ifNoneMatch,
      InputStream body) throws IOException {
    String expected = null;
    if ("*".equals(ifNoneMatch == null ? null : ifNoneMatch.strip())) {
      expected = "absent";
    } else if (ifMatch != null && !ifMatch.isBlank()) {
      expected = ifMatch.strip().replaceAll("^(W/)?\"|\"$", "");
      if (!expected.matches("[0-9a-f]{64}")) {
        throw new DomainException(DomainException.Kind.INVALID_INPUT, "Invalid input",
            "If-Match must be an ETag this API returned.");
      }
    }
    byte[] content = body == null ? new byte[0] : body.readNBytes(MAX_WRITE_BYTES + 1);
    if (content.length > MAX_WRITE_BYTES) {
      throw new DomainException(DomainException.Kind.PAYLOAD_TOO_LARGE, "File too large",
          "A file written through the IDE is at most 10 MB; use the terminal for larger files.");
    }
    String sha = ide.write(actor(), id, path, content, expected);
    return Response.ok(new WrittenView(path, sha, content.length)).header("ETag", "\"" + sha + "\"").build();
  }

  /** The answer to a write: the new version's ETag value and size. */
  public record WrittenView(String path, String sha256, long size) {}

  @POST
  @Path("{id}/files/folders")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a folder (its parent must exist)")
  @APIResponse(responseCode = "204", description = "Created")
  public Response mkdir(@PathParam("id") String id, @Valid @NotNull(message = "Send a JSON body with path.") PathRequest body) {
    ide.mkdir(actor(), id, body.path());
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/files/move")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Rename or move a file or folder (the target must not exist)")
  @APIResponse(responseCode = "204", description = "Moved")
  public Response move(@PathParam("id") String id, @Valid @NotNull(message = "Send a JSON body with from and to.") MoveRequest body) {
    ide.move(actor(), id, body.from(), body.to());
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/files")
  @Operation(summary = "Delete a file, or a folder with its content")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response deletePath(@PathParam("id") String id, @QueryParam("path") @NotNull(message = "Give a path.")
      @Size(max = 4096, message = "A path is at most 4096 characters.") String path) {
    ide.deletePath(actor(), id, path);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/files/download")
  @Produces({MediaType.APPLICATION_OCTET_STREAM, "application/x-tar"})
  @Operation(summary = "Download a file, or a folder as a tar archive, as an attachment")
  public Response download(@PathParam("id") String id, @QueryParam("path") @Size(max = 4096,
      message = "A path is at most 4096 characters.") String path) {
    IdeActor actor = actor();
    String target = path == null ? "" : path;
    String base = target.isEmpty() ? "workspace" : target.substring(target.lastIndexOf('/') + 1);
    byte[] bytes;
    String type;
    String name;
    try {
      if (target.isEmpty()) {
        throw new WorkspaceRuntimeException(409, "Folder", "The workspace folder itself.");
      }
      bytes = ide.read(actor, id, target).bytes();
      type = MediaType.APPLICATION_OCTET_STREAM;
      name = base;
    } catch (WorkspaceRuntimeException e) {
      if (e.runnerStatus() != 409) {
        throw e;
      }
      bytes = ide.archive(actor, id, target);
      type = "application/x-tar";
      name = base + ".tar";
    }
    return Response.ok(bytes, type)
        .header("Content-Disposition", attachment(name))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "no-store")
        .build();
  }

  @GET
  @Path("{id}/terminals")
  @Operation(summary = "The workspace's terminals (they survive closed tabs until their shell ends)")
  public List<TerminalView> terminals(@PathParam("id") String id) {
    return ide.terminals(actor(), id).stream().map(TerminalView::from).toList();
  }

  @POST
  @Path("{id}/terminals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Open a terminal (a login shell with a TTY) in the running workspace")
  @APIResponse(responseCode = "201", description = "Opened")
  public Response openTerminal(@PathParam("id") String id, @Valid OpenTerminalRequest body) {
    int cols = body == null || body.cols() == null ? 80 : body.cols();
    int rows = body == null || body.rows() == null ? 24 : body.rows();
    return Response.status(201).entity(TerminalView.from(ide.openTerminal(actor(), id, cols, rows))).build();
  }

  @DELETE
  @Path("{id}/terminals/{terminalId}")
  @Operation(summary = "Close a terminal: its shell and jobs end")
  @APIResponse(responseCode = "204", description = "Closed")
  public Response closeTerminal(@PathParam("id") String id, @PathParam("terminalId") String terminalId) {
    ide.closeTerminal(actor(), id, terminalId);
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/terminals/{terminalId}/ticket")
  @Operation(summary = "A one-time ticket (30 s) to open the terminal's WebSocket: /ws/ide/terminal?ticket=…")
  public TicketView ticket(@PathParam("id") String id, @PathParam("terminalId") String terminalId) {
    IssuedTicket issued = ide.issueTicket(actor(), id, terminalId);
    return new TicketView(issued.ticket(), issued.expiresIn(), IdeTerminalEndpoint.PATH + "?ticket=" + issued.ticket());
  }

  private IdeActor actor() {
    return IdeActors.of(jwt, addresses, request);
  }

  /** RFC 6266 attachment with an ASCII fallback and the UTF-8 name. */
  static String attachment(String name) {
    String ascii = name.replaceAll("[^A-Za-z0-9._ -]", "_");
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
