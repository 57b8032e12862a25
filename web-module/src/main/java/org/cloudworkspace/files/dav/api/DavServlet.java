package org.cloudworkspace.files.dav.api;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.auth.ClientIdentity;
import org.cloudworkspace.auth.BasicSignIn;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.error.TooManyAttemptsException;
import org.cloudworkspace.common.web.ClientAddresses;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.dav.DavFiles;
import org.cloudworkspace.files.dav.DavLock;
import org.cloudworkspace.files.dav.DavLocks;
import org.cloudworkspace.files.dav.DavPaths;
import org.cloudworkspace.files.dav.DeadProperties;
import org.cloudworkspace.files.dav.LockedException;
import org.cloudworkspace.files.dav.PropertyChange;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.NameTakenException;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.UploadResult;
import org.cloudworkspace.files.WritePreconditions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * WebDAV classes 1 and 2 on users' files: OPTIONS, PROPFIND, PROPPATCH, MKCOL, GET, HEAD, PUT, DELETE (to the trash),
 * COPY, MOVE, LOCK and UNLOCK under {@code /dav/files/{username}/}. Clients sign in with Basic credentials (an app
 * password, or the account password where two-factor sign-in is off). Errors are problem details, except where
 * WebDAV clients expect an XML error body (423 and other lock preconditions) or a multistatus.
 */
@WebServlet(name = "webdav", urlPatterns = {"/dav", "/dav/*"})
public class DavServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  private static final Logger LOG = Logger.getLogger(DavServlet.class.getName());

  static final String ALLOW =
      "OPTIONS, GET, HEAD, PUT, DELETE, PROPFIND, PROPPATCH, MKCOL, COPY, MOVE, LOCK, UNLOCK";

  /** The largest XML body read (PROPFIND, PROPPATCH, LOCK). */
  static final int MAX_XML_BYTES = 1024 * 1024;

  /** Lock timeouts: the default when the client asks for none, and the longest granted. */
  static final long DEFAULT_LOCK_SECONDS = 3600;

  static final long MAX_LOCK_SECONDS = 24 * 3600;

  private static final String SANDBOX_CSP = "sandbox; default-src 'none'";

  private static final int BUFFER_BYTES = 64 * 1024;

  @Inject transient BasicSignIn signIn;

  @Inject transient ClientAddresses addresses;

  @Inject transient FileService files;

  @Inject transient DavFiles dav;

  @Inject transient DavLocks locks;

  @Inject transient DeadProperties properties;

  @Inject transient AuditLog audit;

  /** Everything one request works with. */
  static final class Exchange {
    final HttpServletRequest request;
    final HttpServletResponse response;
    final FileActor actor;
    final DavTarget target;
    final String base;
    private List<DavLock> activeLocks;
    private IfHeader ifHeader;
    private boolean ifParsed;

    Exchange(HttpServletRequest request, HttpServletResponse response, FileActor actor, DavTarget target,
        String base) {
      this.request = request;
      this.response = response;
      this.actor = actor;
      this.target = target;
      this.base = base;
    }

    String instance() {
      return request.getRequestURI();
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setHeader("Content-Security-Policy", SANDBOX_CSP);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "private, no-cache");
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    try {
      if ("OPTIONS".equals(method)) {
        options(response);
        return;
      }
      String auth = request.getHeader("Authorization");
      ClientIdentity identity = authenticate(auth, request);
      if (identity == null) {
        unauthorized(response, request, "Sign in with your username and an app password (or your password).");
        return;
      }
      String rawPath = request.getRequestURI().substring(request.getContextPath().length());
      DavTarget target = DavTarget.parse(rawPath);
      FileActor actor = new FileActor(identity.userId(), identity.username(), addresses.of(request));
      if (target == null) {
        DavResponses.problem(response, 404, "Your files are at " + request.getContextPath() + DavTarget.PREFIX
            + identity.username() + "/", request.getRequestURI());
        return;
      }
      if (!target.username().toLowerCase(Locale.ROOT).equals(identity.username().toLowerCase(Locale.ROOT))) {
        denied(actor, target.username(), request);
        DavResponses.problem(response, 404, "There is nothing at this address.", request.getRequestURI());
        return;
      }
      StringBuilder base = new StringBuilder(request.getContextPath()).append(DavTarget.PREFIX);
      DavTarget.encode(identity.username(), base);
      Exchange x = new Exchange(request, response, actor, target, base.toString());
      switch (method) {
        case "PROPFIND" -> propfind(x);
        case "PROPPATCH" -> proppatch(x);
        case "MKCOL" -> mkcol(x);
        case "GET" -> get(x, true);
        case "HEAD" -> get(x, false);
        case "PUT" -> put(x);
        case "DELETE" -> delete(x);
        case "COPY" -> copyOrMove(x, false);
        case "MOVE" -> copyOrMove(x, true);
        case "LOCK" -> lock(x);
        case "UNLOCK" -> unlock(x);
        default -> {
          response.setHeader("Allow", ALLOW);
          DavResponses.problem(response, 405, "WebDAV does not accept " + method + " here. Allowed: " + ALLOW + ".",
              request.getRequestURI());
        }
      }
    } catch (TokenMissing e) {
      DavResponses.davError(response, 423, "lock-token-submitted", e.href);
    } catch (LockedException e) {
      DavResponses.davError(response, 423, "no-conflicting-lock", null);
    } catch (DomainException e) {
      domainError(e, request, response);
    } catch (EJBException e) {
      if (e.getCause() instanceof DomainException domain) {
        domainError(domain, request, response);
      } else {
        LOG.log(Level.SEVERE, "WebDAV " + method + " failed", e);
        DavResponses.problem(response, 500, "Something went wrong on the server. The error was logged.",
            request.getRequestURI());
      }
    } catch (ClientGone e) {
      LOG.log(Level.FINE, "WebDAV client went away", e);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "WebDAV " + method + " failed", e);
      DavResponses.problem(response, 500, "Something went wrong on the server. The error was logged.",
          request.getRequestURI());
    }
  }

  // ---- Authentication

  private ClientIdentity authenticate(String header, HttpServletRequest request) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return signIn.authenticate(
        decoded.substring(0, colon), decoded.substring(colon + 1), addresses.of(request), "WebDAV");
  }

  private static void unauthorized(HttpServletResponse response, HttpServletRequest request, String detail)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Basic realm=\"Cloud Workspace\", charset=\"UTF-8\"");
    DavResponses.problem(response, 401, detail, request.getRequestURI());
  }

  private void denied(FileActor actor, String username, HttpServletRequest request) {
    audit.record(
        AuditType.FILES_ACCESS_DENIED, AuditOutcome.FAILURE, actor.userId(), actor.username(),
        "webdav user " + clip(username), actor.client(), "tried to reach another user's WebDAV files");
    LOG.warning(() -> "User " + actor.userId() + " tried to reach the WebDAV files of '" + clip(username) + "'");
  }

  private static String clip(String value) {
    String clean = value.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) : clean;
  }

  private void domainError(DomainException e, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    int status =
        switch (e.kind()) {
          case INVALID_INPUT -> 400;
          case UNAUTHENTICATED -> 401;
          case FORBIDDEN -> 403;
          case NOT_FOUND -> 404;
          case CONFLICT -> e instanceof NameTakenException ? 405 : 409;
          case PRECONDITION_FAILED -> 412;
          case PAYLOAD_TOO_LARGE -> 413;
          case TOO_MANY_REQUESTS -> 429;
          case UNAVAILABLE -> 503;
          case INSUFFICIENT_STORAGE -> 507;
        };
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"Cloud Workspace\", charset=\"UTF-8\"");
    }
    if (e instanceof TooManyAttemptsException throttled) {
      response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
    }
    DavResponses.problem(response, status, e.typeSlug(), e.title(), e.getMessage(), request.getRequestURI());
  }

  // ---- OPTIONS

  private static void options(HttpServletResponse response) {
    response.setStatus(200);
    response.setHeader("DAV", "1, 2");
    response.setHeader("Allow", ALLOW);
    response.setHeader("MS-Author-Via", "DAV");
    response.setHeader("Accept-Ranges", "bytes");
    response.setContentLength(0);
  }

  // ---- PROPFIND and PROPPATCH

  private void propfind(Exchange x) throws IOException {
    String depth = x.request.getHeader("Depth");
    int levels;
    if (depth == null || "infinity".equalsIgnoreCase(depth.trim())) {
      DavResponses.davError(x.response, 403, "propfind-finite-depth", null);
      return;
    } else if ("0".equals(depth.trim())) {
      levels = 0;
    } else if ("1".equals(depth.trim())) {
      levels = 1;
    } else {
      throw new InvalidInputException("Depth", "Depth is 0 or 1 for PROPFIND (infinity is refused).");
    }
    PropertyRequest wanted = propertyRequest(x);
    Optional<DavFiles.Listing> listing =
        dav.listing(x.actor, x.target.names(), levels == 1, PropertyWriter.extras(wanted));
    if (listing.isEmpty()) {
      notFound(x);
      return;
    }
    new PropertyWriter(x, wanted, listing.get()).write(x.response);
  }

  /** The PROPFIND body, read through the cache of bodies seen before (clients send the same few again and again). */
  private static PropertyRequest propertyRequest(Exchange x) throws IOException {
    byte[] body = readBody(x);
    if (body == null) {
      return PropertyRequest.of(null);
    }
    return PropertyRequests.of(body, bytes -> PropertyRequest.of(DavXml.parse(bytes)));
  }

  private void proppatch(Exchange x) throws IOException {
    Document body = readXml(x);
    if (body == null || !DavXml.isDav(body.getDocumentElement(), "propertyupdate")) {
      throw new InvalidInputException("body", "PROPPATCH needs a DAV:propertyupdate body.");
    }
    FileNode node = dav.resolve(x.actor, x.target.names()).orElse(null);
    if (node == null) {
      notFound(x);
      return;
    }
    checkIf(x, node);
    requireTokens(x, x.target.path(), false, false);
    List<PropertyChange> changes = new ArrayList<>();
    List<String[]> forbidden = new ArrayList<>();
    for (Element instruction : DavXml.children(body.getDocumentElement())) {
      boolean set = DavXml.isDav(instruction, "set");
      if (!set && !DavXml.isDav(instruction, "remove")) {
        continue;
      }
      Element prop = DavXml.davChild(instruction, "prop");
      if (prop == null) {
        throw new InvalidInputException("body", "Each set and remove of a PROPPATCH holds a DAV:prop.");
      }
      for (Element property : DavXml.children(prop)) {
        String ns = DavXml.namespace(property);
        String local = DavXml.localName(property);
        if (DavXml.DAV.equals(ns)) {
          forbidden.add(new String[] {ns, local});
          continue;
        }
        if (ns.length() > DeadProperties.MAX_NAMESPACE || local.length() > DeadProperties.MAX_NAME) {
          throw new InvalidInputException("body", "A property name or namespace is too long.");
        }
        String xml = set ? DavXml.serialize(property) : null;
        if (xml != null && xml.length() > DeadProperties.MAX_XML) {
          throw new DomainException(
              DomainException.Kind.INSUFFICIENT_STORAGE, "Property too large",
              "A property value has at most " + DeadProperties.MAX_XML + " characters of XML.");
        }
        changes.add(new PropertyChange(ns, local, xml));
      }
    }
    StringBuilder xml = new StringBuilder(DavResponses.XML_HEAD).append("<d:multistatus xmlns:d=\"DAV:\"><d:response>");
    PropertyWriter.href(x, x.target, node.isFolder(), xml);
    if (forbidden.isEmpty()) {
      properties.patch(node.id(), changes);
      if (!changes.isEmpty()) {
        propstat(xml, changes.stream().map(c -> new String[] {c.namespace(), c.localName()}).toList(), 200);
      }
    } else {
      propstat(xml, forbidden, 403);
      if (!changes.isEmpty()) {
        propstat(xml, changes.stream().map(c -> new String[] {c.namespace(), c.localName()}).toList(), 424);
      }
    }
    xml.append("</d:response></d:multistatus>\n");
    DavResponses.xml(x.response, 207, xml);
  }

  private static void propstat(StringBuilder xml, List<String[]> names, int status) {
    xml.append("<d:propstat><d:prop>");
    for (String[] name : names) {
      DavXml.emptyElement(name[0], name[1], xml);
    }
    xml.append("</d:prop><d:status>").append(DavResponses.statusLine(status)).append("</d:status>");
    if (status == 403) {
      xml.append("<d:error><d:cannot-modify-protected-property/></d:error>");
    }
    xml.append("</d:propstat>");
  }

  // ---- MKCOL

  private void mkcol(Exchange x) throws IOException {
    if (x.request.getContentLengthLong() > 0 || x.request.getHeader("Transfer-Encoding") != null) {
      DavResponses.problem(x.response, 415, "MKCOL takes no body here.", x.instance());
      return;
    }
    if (x.target.isRoot()) {
      methodNotAllowed(x, "Your root folder exists already.");
      return;
    }
    FileNode parent = dav.resolve(x.actor, x.target.parentNames()).orElse(null);
    if (parent == null || !parent.isFolder()) {
      conflict(x, "The folder to create this in does not exist. Create the folders above it first.");
      return;
    }
    if (dav.resolve(x.actor, x.target.names()).isPresent()) {
      methodNotAllowed(x, "Something named '" + x.target.name() + "' exists here already.");
      return;
    }
    checkIf(x, null);
    requireTokens(x, x.target.path(), true, false);
    files.createFolder(x.actor, parent.id(), x.target.name());
    x.response.setStatus(201);
    x.response.setContentLength(0);
  }

  // ---- GET and HEAD

  private void get(Exchange x, boolean withBody) throws IOException {
    FileNode node = dav.resolve(x.actor, x.target.names()).orElse(null);
    if (node == null) {
      notFound(x);
      return;
    }
    if (node.isFolder()) {
      byte[] text =
          ("This is the WebDAV address of a folder. Open it with a WebDAV client (see the documentation) or in the"
              + " workspace's file manager.\n").getBytes(StandardCharsets.UTF_8);
      x.response.setStatus(200);
      x.response.setContentType("text/plain; charset=utf-8");
      x.response.setHeader("ETag", node.etag());
      x.response.setContentLength(text.length);
      if (withBody) {
        x.response.getOutputStream().write(text);
      }
      return;
    }
    org.cloudworkspace.files.Download download = files.download(x.actor, node.id());
    ContentHeaders.write(x.request, x.response, download, withBody, x.instance());
  }

  // ---- PUT

  private void put(Exchange x) throws IOException {
    if (x.request.getHeader("Content-Range") != null) {
      DavResponses.problem(x.response, 400, "Partial PUT (Content-Range) is not supported: send the whole file.",
          x.instance());
      return;
    }
    if (x.target.isRoot()) {
      methodNotAllowed(x, "Your root folder cannot be replaced by a file.");
      return;
    }
    DavFiles.PutTarget found = dav.putTarget(x.actor, x.target.names());
    x.activeLocks = found.locks();
    FileNode parent = found.parent().orElse(null);
    if (parent == null || !parent.isFolder()) {
      conflict(x, "The folder to store this file in does not exist. Create it first (MKCOL).");
      return;
    }
    FileNode existing = found.existing().orElse(null);
    if (existing != null && existing.isFolder()) {
      methodNotAllowed(x, "'" + x.target.name() + "' is a folder; a file cannot replace it.");
      return;
    }
    checkIf(x, existing);
    requireTokens(x, x.target.path(), existing == null, false);
    WritePreconditions preconditions =
        new WritePreconditions(tags(x.request.getHeader("If-Match")), isStar(x.request.getHeader("If-None-Match")));
    UploadResult result =
        files.upload(x.actor, parent.id(), x.target.name(), x.request.getContentType(), x.request.getInputStream(),
            x.request.getContentLengthLong(), ConflictPolicy.REPLACE, preconditions);
    x.response.setHeader("ETag", result.file().node().etag());
    x.response.setStatus(result.created() ? 201 : 204);
    x.response.setContentLength(0);
  }

  private static List<String> tags(String header) {
    if (header == null) {
      return null;
    }
    List<String> tags = new ArrayList<>();
    for (String part : header.split(",")) {
      if (!part.isBlank()) {
        tags.add(part.trim());
      }
    }
    return tags;
  }

  private static boolean isStar(String header) {
    return header != null && "*".equals(header.trim());
  }

  // ---- DELETE

  private void delete(Exchange x) throws IOException {
    if (x.target.isRoot()) {
      DavResponses.problem(x.response, 403, "Your root folder cannot be deleted.", x.instance());
      return;
    }
    FileNode node = dav.resolve(x.actor, x.target.names()).orElse(null);
    if (node == null) {
      notFound(x);
      return;
    }
    String depth = x.request.getHeader("Depth");
    if (node.isFolder() && depth != null && !"infinity".equalsIgnoreCase(depth.trim())) {
      throw new InvalidInputException("Depth", "A folder is deleted with everything in it (Depth: infinity).");
    }
    checkIf(x, node);
    requireTokens(x, x.target.path(), true, true);
    files.moveToTrash(x.actor, node.id());
    locks.releaseAt(x.actor.userId(), x.target.path());
    x.response.setStatus(204);
  }

  // ---- COPY and MOVE

  private void copyOrMove(Exchange x, boolean move) throws IOException {
    DavTarget destination = destination(x);
    if (destination == null) {
      return;
    }
    boolean overwrite = overwrite(x.request.getHeader("Overwrite"));
    String depth = x.request.getHeader("Depth");
    boolean shallow = false;
    if (depth != null) {
      String d = depth.trim().toLowerCase(Locale.ROOT);
      if (move && !"infinity".equals(d)) {
        throw new InvalidInputException("Depth", "MOVE always takes everything inside (Depth: infinity).");
      }
      if (!"infinity".equals(d) && !"0".equals(d)) {
        throw new InvalidInputException("Depth", "Depth is 0 or infinity for COPY.");
      }
      shallow = "0".equals(d);
    }
    if (x.target.isRoot()) {
      DavResponses.problem(x.response, 403, "Your root folder cannot be " + (move ? "moved" : "copied") + ".",
          x.instance());
      return;
    }
    FileNode source = dav.resolve(x.actor, x.target.names()).orElse(null);
    if (source == null) {
      notFound(x);
      return;
    }
    String from = x.target.path();
    String to = destination.path();
    if (destination.isRoot() || from.equals(to) || DavPaths.isInside(to, from) || DavPaths.isInside(from, to)) {
      DavResponses.problem(x.response, 403,
          "The destination is the source itself, inside it, or a folder that contains it.", x.instance());
      return;
    }
    FileNode targetFolder = dav.resolve(x.actor, destination.parentNames()).orElse(null);
    if (targetFolder == null || !targetFolder.isFolder()) {
      conflict(x, "The destination folder does not exist.");
      return;
    }
    FileNode existing = dav.resolve(x.actor, destination.names()).orElse(null);
    if (existing != null && !overwrite) {
      DavResponses.problem(x.response, 412,
          "Something named '" + destination.name() + "' exists at the destination and Overwrite is F.", x.instance());
      return;
    }
    checkIf(x, source);
    if (move) {
      requireTokens(x, from, true, true);
    }
    requireTokens(x, to, true, true);
    if (move) {
      dav.move(x.actor, source.id(), targetFolder.id(), destination.name(), existing == null ? null : existing.id());
      locks.releaseAt(x.actor.userId(), from);
    } else if (shallow && source.isFolder()) {
      dav.createFolderReplacing(x.actor, targetFolder.id(), destination.name(),
          existing == null ? null : existing.id(), source.id());
    } else {
      copy(x, source, targetFolder, destination.name(), existing);
    }
    x.response.setStatus(existing == null ? 201 : 204);
    x.response.setContentLength(0);
  }

  private void copy(Exchange x, FileNode source, FileNode targetFolder, String name, FileNode existing) {
    if (existing == null) {
      NodeDetails copy = files.copy(x.actor, source.id(), targetFolder.id(), name, ConflictPolicy.FAIL);
      dav.copyProperties(source.id(), copy.node().id());
      return;
    }
    NodeDetails copy = files.copy(x.actor, source.id(), targetFolder.id(), name, ConflictPolicy.RENAME);
    try {
      dav.replaceWithCopy(x.actor, copy.node().id(), existing.id(), name);
    } catch (RuntimeException e) {
      try {
        files.moveToTrash(x.actor, copy.node().id());
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    dav.copyProperties(source.id(), copy.node().id());
  }

  /** The Destination header as a target of this user; null when an answer was already sent. */
  private DavTarget destination(Exchange x) throws IOException {
    String header = x.request.getHeader("Destination");
    if (header == null || header.isBlank()) {
      throw new InvalidInputException("Destination", "COPY and MOVE need a Destination header.");
    }
    String rawPath;
    try {
      URI uri = new URI(header.trim());
      rawPath = uri.getRawPath();
      if (uri.getHost() != null && x.request.getServerName() != null && uri.getRawAuthority() != null
          && !hostMatches(uri, x.request)) {
        DavResponses.problem(x.response, 502, "The destination is on another server.", x.instance());
        return null;
      }
    } catch (URISyntaxException e) {
      throw new InvalidInputException("Destination", "The Destination header is not a valid URI.");
    }
    String context = x.request.getContextPath();
    if (rawPath == null || !rawPath.startsWith(context)) {
      throw new InvalidInputException("Destination", "The destination must be inside your WebDAV files.");
    }
    DavTarget target = DavTarget.parse(rawPath.substring(context.length()));
    if (target == null) {
      throw new InvalidInputException("Destination", "The destination must be inside your WebDAV files.");
    }
    if (!target.username().toLowerCase(Locale.ROOT).equals(x.actor.username().toLowerCase(Locale.ROOT))) {
      denied(x.actor, target.username(), x.request);
      DavResponses.problem(x.response, 404, "There is nothing at the destination's address.", x.instance());
      return null;
    }
    return target;
  }

  private static boolean hostMatches(URI uri, HttpServletRequest request) {
    String host = request.getHeader("Host");
    if (host != null && host.equalsIgnoreCase(uri.getRawAuthority())) {
      return true;
    }
    return uri.getHost().equalsIgnoreCase(request.getServerName());
  }

  private static boolean overwrite(String header) {
    if (header == null) {
      return true;
    }
    return switch (header.trim().toUpperCase(Locale.ROOT)) {
      case "T" -> true;
      case "F" -> false;
      default -> throw new InvalidInputException("Overwrite", "Overwrite is T or F.");
    };
  }

  // ---- LOCK and UNLOCK

  private void lock(Exchange x) throws IOException {
    Document body = readXml(x);
    long timeout = timeout(x.request.getHeader("Timeout"));
    if (body == null) {
      refreshLock(x, timeout);
      return;
    }
    Element info = body.getDocumentElement();
    if (!DavXml.isDav(info, "lockinfo")) {
      throw new InvalidInputException("body", "LOCK needs a DAV:lockinfo body (or none, to refresh a lock).");
    }
    Element scope = DavXml.davChild(info, "lockscope");
    Element type = DavXml.davChild(info, "locktype");
    if (scope == null || type == null || DavXml.davChild(type, "write") == null) {
      throw new InvalidInputException("body", "A lock needs a lockscope and the locktype write.");
    }
    boolean exclusive = DavXml.davChild(scope, "exclusive") != null;
    if (!exclusive && DavXml.davChild(scope, "shared") == null) {
      throw new InvalidInputException("body", "The lockscope is exclusive or shared.");
    }
    Element ownerElement = DavXml.davChild(info, "owner");
    String owner = ownerElement == null ? null : DavXml.serializeContent(ownerElement);
    if (owner != null && owner.length() > 8000) {
      throw new InvalidInputException("body", "The lock owner is longer than 8,000 characters.");
    }
    String depth = x.request.getHeader("Depth");
    boolean infinity;
    if (depth == null || "infinity".equalsIgnoreCase(depth.trim())) {
      infinity = true;
    } else if ("0".equals(depth.trim())) {
      infinity = false;
    } else {
      throw new InvalidInputException("Depth", "Depth is 0 or infinity for LOCK.");
    }
    String path = x.target.path();
    FileNode node = dav.resolve(x.actor, x.target.names()).orElse(null);
    boolean created = false;
    checkIf(x, node);
    if (node == null) {
      if (x.target.isRoot()) {
        notFound(x);
        return;
      }
      FileNode parent = dav.resolve(x.actor, x.target.parentNames()).orElse(null);
      if (parent == null || !parent.isFolder()) {
        conflict(x, "The folder to create this in does not exist.");
        return;
      }
      requireTokens(x, path, true, false);
      Optional<DavLock> conflict = locks.conflict(x.actor.userId(), path, exclusive, infinity);
      if (conflict.isPresent()) {
        DavResponses.davError(x.response, 423, "no-conflicting-lock", href(x, conflict.get().rootPath()));
        return;
      }
      files.upload(x.actor, parent.id(), x.target.name(), null, new ByteArrayInputStream(new byte[0]), 0,
          ConflictPolicy.FAIL, WritePreconditions.NONE);
      created = true;
    }
    DavLock lock;
    try {
      lock = locks.lock(x.actor.userId(), path, exclusive, infinity && (node == null || node.isFolder()), owner,
          timeout);
    } catch (LockedException e) {
      DavResponses.davError(x.response, 423, "no-conflicting-lock", href(x, e.lockedPath()));
      return;
    }
    x.response.setHeader("Lock-Token", "<" + lock.token() + ">");
    StringBuilder xml = new StringBuilder(DavResponses.XML_HEAD)
        .append("<d:prop xmlns:d=\"DAV:\"><d:lockdiscovery>");
    PropertyWriter.activeLock(x, lock, Instant.now(), xml);
    xml.append("</d:lockdiscovery></d:prop>\n");
    DavResponses.xml(x.response, created ? 201 : 200, xml);
  }

  private void refreshLock(Exchange x, long timeout) throws IOException {
    IfHeader header = ifHeader(x);
    if (header == null) {
      throw new InvalidInputException("If", "Refreshing a lock needs its token in the If header.");
    }
    String path = x.target.path();
    for (String token : header.submittedTokens()) {
      Optional<DavLock> lock =
          locks.active(x.actor.userId()).stream().filter(l -> l.token().equals(token) && l.covers(path)).findFirst();
      if (lock.isPresent()) {
        DavLock refreshed = locks.refresh(x.actor.userId(), token, timeout).orElseThrow();
        x.response.setHeader("Lock-Token", "<" + refreshed.token() + ">");
        StringBuilder xml = new StringBuilder(DavResponses.XML_HEAD)
            .append("<d:prop xmlns:d=\"DAV:\"><d:lockdiscovery>");
        PropertyWriter.activeLock(x, refreshed, Instant.now(), xml);
        xml.append("</d:lockdiscovery></d:prop>\n");
        DavResponses.xml(x.response, 200, xml);
        return;
      }
    }
    DavResponses.davError(x.response, 412, "lock-token-matches-request-uri", null);
  }

  private void unlock(Exchange x) throws IOException {
    String header = x.request.getHeader("Lock-Token");
    if (header == null || header.isBlank()) {
      throw new InvalidInputException("Lock-Token", "UNLOCK needs the Lock-Token header: <urn:uuid:…>.");
    }
    String token = header.trim();
    if (token.startsWith("<") && token.endsWith(">")) {
      token = token.substring(1, token.length() - 1).trim();
    }
    if (!locks.unlock(x.actor.userId(), token, x.target.path())) {
      DavResponses.davError(x.response, 409, "lock-token-matches-request-uri", null);
      return;
    }
    x.response.setStatus(204);
  }

  /** The granted timeout: the first acceptable value of the Timeout header, at most a day. */
  static long timeout(String header) {
    if (header == null) {
      return DEFAULT_LOCK_SECONDS;
    }
    for (String part : header.split(",")) {
      String value = part.trim();
      if ("Infinite".equalsIgnoreCase(value)) {
        return MAX_LOCK_SECONDS;
      }
      if (value.regionMatches(true, 0, "Second-", 0, 7)) {
        try {
          long seconds = Long.parseLong(value.substring(7).trim());
          if (seconds > 0) {
            return Math.min(seconds, MAX_LOCK_SECONDS);
          }
        } catch (NumberFormatException ignored) {
          // try the next value
        }
      }
    }
    return DEFAULT_LOCK_SECONDS;
  }

  // ---- Conditions and locks

  private IfHeader ifHeader(Exchange x) {
    if (!x.ifParsed) {
      x.ifHeader = IfHeader.parse(x.request.getHeader("If"));
      x.ifParsed = true;
    }
    return x.ifHeader;
  }

  private List<DavLock> activeLocks(Exchange x) {
    if (x.activeLocks == null) {
      x.activeLocks = locks.active(x.actor.userId());
    }
    return x.activeLocks;
  }

  /** Evaluates the If header, if any; 412 (as an exception) when no list holds. */
  private void checkIf(Exchange x, FileNode requestNode) {
    IfHeader header = ifHeader(x);
    if (header == null) {
      return;
    }
    List<DavLock> active = activeLocks(x);
    IfHeader.Resources resources =
        new IfHeader.Resources() {
          @Override
          public String etag(String resource) {
            if (resource == null) {
              return requestNode == null ? null : requestNode.etag();
            }
            DavTarget tagged = tagged(x, resource);
            return tagged == null ? null : dav.resolve(x.actor, tagged.names()).map(FileNode::etag).orElse(null);
          }

          @Override
          public boolean lockedBy(String resource, String token) {
            String path;
            if (resource == null) {
              path = x.target.path();
            } else {
              DavTarget tagged = tagged(x, resource);
              if (tagged == null) {
                return false;
              }
              path = tagged.path();
            }
            String parent = DavPaths.parent(path);
            return active.stream()
                .anyMatch(l -> l.token().equals(token) && (l.covers(path) || l.rootPath().equals(parent)));
          }
        };
    if (!header.holds(resources)) {
      throw new DomainException(
          DomainException.Kind.PRECONDITION_FAILED, "Precondition failed",
          "The If header's conditions do not hold: a lock token or entity tag does not match.");
    }
  }

  /** The target named in a tagged list of the If header, if it is one of this user's. */
  private static DavTarget tagged(Exchange x, String resource) {
    try {
      String raw = new URI(resource).getRawPath();
      String context = x.request.getContextPath();
      if (raw == null || !raw.startsWith(context)) {
        return null;
      }
      DavTarget target = DavTarget.parse(raw.substring(context.length()));
      if (target == null || !target.username().equalsIgnoreCase(x.actor.username())) {
        return null;
      }
      return target;
    } catch (URISyntaxException | DomainException e) {
      return null;
    }
  }

  /**
   * Refuses with 423 a write to {@code path} unless the request submitted the token of every lock that protects it:
   * locks on the path or above it with depth infinity; with {@code membership}, also a lock on the parent folder
   * (its list of members changes); with {@code subtree}, also locks below the path. Of several shared locks on one
   * path, one token is enough.
   */
  private void requireTokens(Exchange x, String path, boolean membership, boolean subtree) throws LockedException {
    List<DavLock> active = activeLocks(x);
    if (active.isEmpty()) {
      return;
    }
    IfHeader header = ifHeader(x);
    Set<String> submitted = header == null ? Set.of() : header.submittedTokens();
    String parent = DavPaths.parent(path);
    List<DavLock> protecting = new ArrayList<>();
    for (DavLock lock : active) {
      if (lock.covers(path) || membership && lock.rootPath().equals(parent)
          || subtree && DavPaths.isInside(lock.rootPath(), path)) {
        protecting.add(lock);
      }
    }
    for (DavLock lock : protecting) {
      boolean satisfied =
          submitted.contains(lock.token())
              || !lock.exclusive() && protecting.stream().anyMatch(
                  other -> !other.exclusive() && other.rootPath().equals(lock.rootPath())
                      && submitted.contains(other.token()));
      if (!satisfied) {
        throw new TokenMissing(lock.rootPath(), href(x, lock.rootPath()));
      }
    }
  }

  /** A write without the token of a lock that protects its target. */
  static final class TokenMissing extends LockedException {
    private static final long serialVersionUID = 1L;

    final String href;

    TokenMissing(String lockedPath, String href) {
      super(lockedPath, "'" + lockedPath + "' is locked; submit its lock token in the If header.");
      this.href = href;
    }
  }

  static String href(Exchange x, String path) {
    StringBuilder href = new StringBuilder(x.base);
    if (!"/".equals(path)) {
      for (String name : path.substring(1).split("/")) {
        href.append('/');
        DavTarget.encode(name, href);
      }
    }
    return href.toString();
  }

  // ---- Helpers

  private static Document readXml(Exchange x) throws IOException {
    byte[] body = readBody(x);
    return body == null ? null : DavXml.parse(body);
  }

  /** The XML body of a request, at most {@link #MAX_XML_BYTES}; null when there is none or it is blank. */
  private static byte[] readBody(Exchange x) throws IOException {
    long length = x.request.getContentLengthLong();
    if (length > MAX_XML_BYTES) {
      throw new DomainException(
          DomainException.Kind.PAYLOAD_TOO_LARGE, "Body too large",
          "An XML body has at most " + MAX_XML_BYTES + " bytes.");
    }
    if (length == 0) {
      return null;
    }
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(length > 0 ? (int) length : 1024);
    byte[] chunk = new byte[8192];
    try (InputStream in = x.request.getInputStream()) {
      int n;
      while ((n = in.read(chunk)) >= 0) {
        buffer.write(chunk, 0, n);
        if (buffer.size() > MAX_XML_BYTES) {
          throw new DomainException(
              DomainException.Kind.PAYLOAD_TOO_LARGE, "Body too large",
              "An XML body has at most " + MAX_XML_BYTES + " bytes.");
        }
      }
    }
    byte[] body = buffer.toByteArray();
    boolean blank = true;
    for (byte b : body) {
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        blank = false;
        break;
      }
    }
    return blank ? null : body;
  }

  private static void notFound(Exchange x) throws IOException {
    DavResponses.problem(x.response, 404, "There is no '" + x.target.path() + "' in your files.", x.instance());
  }

  private static void conflict(Exchange x, String detail) throws IOException {
    DavResponses.problem(x.response, 409, detail, x.instance());
  }

  private static void methodNotAllowed(Exchange x, String detail) throws IOException {
    x.response.setHeader("Allow", ALLOW);
    DavResponses.problem(x.response, 405, detail, x.instance());
  }

  /** The client closed the connection while we were writing to it. */
  static final class ClientGone extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClientGone(IOException cause) {
      super(cause);
    }
  }

  static void pump(InputStream in, OutputStream out) {
    byte[] buffer = new byte[BUFFER_BYTES];
    try {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new ClientGone(e);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Reading stored content failed", e);
    }
  }
}
