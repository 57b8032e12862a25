package org.cloudworkspace.runner.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.cloudworkspace.runner.common.RunnerProblem;
import org.cloudworkspace.runner.docker.FileContent;
import org.cloudworkspace.runner.docker.FileEntry;
import org.cloudworkspace.runner.docker.WorkspaceContainers;
import org.cloudworkspace.runner.docker.WorkspaceFiles;
import org.cloudworkspace.runner.docker.WorkspacePath;
import org.cloudworkspace.runner.docker.WorkspaceResources;
import org.cloudworkspace.runner.docker.WorkspaceSpec;
import org.cloudworkspace.runner.docker.WorkspaceState;
import org.cloudworkspace.runner.terminal.TerminalInfo;
import org.cloudworkspace.runner.terminal.TerminalSession;
import org.cloudworkspace.runner.terminal.Terminals;

/** {@code /api/v1/workspaces}: workspace containers, their files and their terminals (docs/runner-protocol.md). */
@Path("v1/workspaces")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WorkspaceResource {

  /** Response header carrying the SHA-256 of a file's content. */
  public static final String SHA_HEADER = "X-Content-Sha256";

  /** Request header with the SHA-256 a file must still have to be overwritten ({@code absent}: must not exist). */
  public static final String EXPECTED_SHA_HEADER = "X-Expected-Sha256";

  @Inject WorkspaceContainers containers;

  @Inject WorkspaceFiles files;

  @Inject Terminals terminals;

  /** Every workspace container on the engine, for reconciliation. */
  @GET
  public List<WorkspaceState> list() {
    return containers.list();
  }

  @GET
  @Path("{id}")
  public WorkspaceState state(@PathParam("id") String id) {
    return containers.state(id);
  }

  /** Creates what is missing, starts, and answers once a command can run in the workspace. */
  @POST
  @Path("{id}/start")
  @Consumes(MediaType.APPLICATION_JSON)
  public WorkspaceState start(@PathParam("id") String id, StartRequest request) {
    if (request == null) {
      throw RunnerProblem.badRequest("The body must name owner, template, image, memoryMb and cpus.");
    }
    return containers.start(
        new WorkspaceSpec(id, request.owner(), request.template(), request.image(), request.memoryMb(), request.cpus()));
  }

  @POST
  @Path("{id}/stop")
  public WorkspaceState stop(@PathParam("id") String id) {
    WorkspaceState state = containers.stop(id);
    terminals.forgetWorkspace(id);
    return state;
  }

  /** Removes the container and the volume. */
  @DELETE
  @Path("{id}")
  public Response remove(@PathParam("id") String id) {
    containers.remove(id);
    terminals.forgetWorkspace(id);
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/resources")
  public WorkspaceResources resources(@PathParam("id") String id) {
    return containers.resources(id);
  }

  @GET
  @Path("{id}/files")
  public List<FileEntry> listFolder(@PathParam("id") String id, @QueryParam("path") String path) {
    return files.list(WorkspaceSpec.checkId(id), WorkspacePath.of(path));
  }

  @GET
  @Path("{id}/files/content")
  @Produces(MediaType.APPLICATION_OCTET_STREAM)
  public Response read(@PathParam("id") String id, @QueryParam("path") String path) {
    FileContent content = files.read(WorkspaceSpec.checkId(id), WorkspacePath.of(path));
    return Response.ok(content.bytes(), MediaType.APPLICATION_OCTET_STREAM).header(SHA_HEADER, content.sha256()).build();
  }

  @PUT
  @Path("{id}/files/content")
  @Consumes(MediaType.WILDCARD)
  public Response write(
      @PathParam("id") String id,
      @QueryParam("path") String path,
      @HeaderParam(EXPECTED_SHA_HEADER) String expected,
      byte[] body) {
    FileContent written =
        files.write(WorkspaceSpec.checkId(id), WorkspacePath.of(path), body == null ? new byte[0] : body, expected);
    return Response.noContent().header(SHA_HEADER, written.sha256()).build();
  }

  @POST
  @Path("{id}/files/folders")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response mkdir(@PathParam("id") String id, PathRequest request) {
    files.mkdir(WorkspaceSpec.checkId(id), WorkspacePath.of(request == null ? null : request.path()));
    return Response.noContent().build();
  }

  @POST
  @Path("{id}/files/move")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response move(@PathParam("id") String id, MoveRequest request) {
    if (request == null) {
      throw RunnerProblem.badRequest("The body must name from and to.");
    }
    files.move(WorkspaceSpec.checkId(id), WorkspacePath.of(request.from()), WorkspacePath.of(request.to()));
    return Response.noContent().build();
  }

  @DELETE
  @Path("{id}/files")
  public Response delete(@PathParam("id") String id, @QueryParam("path") String path) {
    files.delete(WorkspaceSpec.checkId(id), WorkspacePath.of(path));
    return Response.noContent().build();
  }

  @GET
  @Path("{id}/files/archive")
  @Produces("application/x-tar")
  public Response archive(@PathParam("id") String id, @QueryParam("path") String path) {
    return Response.ok(files.archive(WorkspaceSpec.checkId(id), WorkspacePath.of(path)), "application/x-tar").build();
  }

  @GET
  @Path("{id}/terminals")
  public List<TerminalInfo> terminals(@PathParam("id") String id) {
    return terminals.list(id);
  }

  @POST
  @Path("{id}/terminals")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response openTerminal(@PathParam("id") String id, TerminalRequest request) {
    TerminalRequest size = request == null ? new TerminalRequest(80, 24) : request;
    TerminalSession session = terminals.open(id, size.cols(), size.rows());
    return Response.status(201).entity(session.info()).build();
  }

  @POST
  @Path("{id}/terminals/{terminalId}/resize")
  @Consumes(MediaType.APPLICATION_JSON)
  public TerminalInfo resize(
      @PathParam("id") String id, @PathParam("terminalId") String terminalId, TerminalRequest request) {
    if (request == null) {
      throw RunnerProblem.badRequest("The body must give cols and rows.");
    }
    TerminalSession session = terminals.get(id, terminalId);
    terminals.resize(session, request.cols(), request.rows());
    return session.info();
  }

  @DELETE
  @Path("{id}/terminals/{terminalId}")
  public Response closeTerminal(@PathParam("id") String id, @PathParam("terminalId") String terminalId) {
    terminals.close(id, terminalId);
    return Response.noContent().build();
  }
}
