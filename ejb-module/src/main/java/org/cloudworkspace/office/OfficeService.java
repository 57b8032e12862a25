package org.cloudworkspace.office;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.audit.AuditLog;
import org.cloudworkspace.common.audit.AuditOutcome;
import org.cloudworkspace.common.audit.AuditType;
import org.cloudworkspace.common.config.WorkspaceSettings;
import org.cloudworkspace.common.error.DomainException;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.common.net.DestinationRefusedException;
import org.cloudworkspace.common.net.OutboundAddressPolicy;
import org.cloudworkspace.common.net.OutboundHttp;
import org.cloudworkspace.common.net.OutboundRequestException;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.ContentChangedException;
import org.cloudworkspace.files.Download;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileNode;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.FileVersion;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.NodeNotFoundException;
import org.cloudworkspace.files.UploadResult;
import org.cloudworkspace.files.WritePreconditions;
import org.cloudworkspace.files.sharing.ShareGrant;
import org.cloudworkspace.files.sharing.SharePermission;
import org.cloudworkspace.files.sharing.SharedAccess;

/**
 * Documents in the Document Server: signed editor configs, the download the Document Server makes, and the callback
 * handler. A save is answered {@code {"error":0}} only once the new version is durable; any failure is answered with
 * an error (so the Document Server retries), recorded where the owner and the admins see it, and audited.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OfficeService {

  /** How long the download link in an editor config works. */
  static final Duration DOWNLOAD_LINK_LIFETIME = Duration.ofMinutes(15);

  /** How long the signed editor config is accepted by the Document Server. */
  static final Duration CONFIG_LIFETIME = Duration.ofHours(12);

  /** The largest document accepted from the Document Server. */
  static final long MAX_DOCUMENT_BYTES = 512L * 1024 * 1024;

  static final OutboundHttp.Limits DOWNLOAD_LIMITS =
      new OutboundHttp.Limits(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(5), MAX_DOCUMENT_BYTES);

  static final OutboundHttp.Limits COMMAND_LIMITS =
      new OutboundHttp.Limits(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(90), 64 * 1024);

  private static final String ISSUER = "cloud-workspace/office";
  private static final String DOWNLOAD_AUDIENCE = "office-download";
  private static final String CALLBACK_AUDIENCE = "office-callback";
  private static final Logger LOG = Logger.getLogger(OfficeService.class.getName());
  private static final HexFormat HEX = HexFormat.of();

  @Inject OfficeSettings settings;

  @Inject DocumentSessions sessions;

  @Inject FileService files;

  @Inject AuditLog audit;

  @Inject WorkspaceSettings workspace;

  @Inject org.cloudworkspace.auth.UserDirectory users;

  @Inject SharedAccess sharedAccess;

  /** The outbound client; replaceable for tests of this class. */
  OutboundHttp http = new OutboundHttp(OutboundAddressPolicy.system());

  /** The answer to a callback: {@code {"error":0}} or an error with a message for the Document Server's log. */
  public record CallbackAnswer(int error, String message) {
    static final CallbackAnswer OK = new CallbackAnswer(0, null);

    static CallbackAnswer refused(String message) {
      return new CallbackAnswer(1, message);
    }
  }

  // ---- Editor config

  /**
   * The signed editor config of a file given by id or path. {@code requestBaseUrl} is the app's address as the
   * browser used it, for when no public address of the app is configured.
   */
  public EditorConfig editorConfig(FileActor actor, String fileId, String path, String requestBaseUrl) {
    settings.requireEnabled();
    NodeDetails details = resolve(actor, fileId, path);
    FileNode file = details.node();
    return editorConfig(
        new Opening(actor, file, canWrite(actor, file), null, actor.userId(), nameOf(actor.userId(), actor.username()),
            file.parentId()),
        fileId == null ? "path" : "fileId", requestBaseUrl);
  }

  /**
   * The signed editor config of a file in a share with the signed-in user: edit mode through a read-write share,
   * view mode through a read-only one. The editor's user is the visitor; the download and the callback act for the
   * owner, so saves become versions of the owner's file.
   */
  public EditorConfig sharedEditorConfig(FileActor actor, String shareId, String fileRef, String requestBaseUrl) {
    settings.requireEnabled();
    ShareGrant grant = sharedAccess.incoming(actor, shareId);
    FileNode file = sharedFile(grant, fileRef).node();
    // The way back: the folder inside the share, or the share itself (a shared file, or its top folder).
    String folderInShare =
        file.id().equals(grant.rootId()) || grant.rootId().equals(file.parentId()) ? null : file.parentId();
    return editorConfig(
        new Opening(grant.owner(), file, grant.permission() == SharePermission.READ_WRITE, grant.shareId(),
            actor.userId(), nameOf(actor.userId(), actor.username()), folderInShare),
        "fileId", requestBaseUrl);
  }

  /**
   * A document being opened: the owner as the file services act, whether the opener may write, the share it is
   * reached through (null for one's own files), who opens it, and the folder to go back to (null: the share itself).
   */
  private record Opening(
      FileActor owner, FileNode file, boolean writable, String shareId, String userId, String userName,
      String backFolderId) {}

  private EditorConfig editorConfig(Opening opening, String field, String requestBaseUrl) {
    FileNode file = opening.file();
    DocumentFormats.Format format =
        DocumentFormats.of(file.name())
            .orElseThrow(
                () ->
                    new InvalidInputException(
                        field, "'" + file.name() + "' is not a document the Document Server opens."));
    boolean canEdit = format.editable() && opening.writable();
    DocumentSession session = openSession(file);
    String appUrl = appUrl(requestBaseUrl);
    Instant now = Instant.now();

    Map<String, Object> downloadClaims = new LinkedHashMap<>();
    downloadClaims.put("iss", ISSUER);
    downloadClaims.put("aud", DOWNLOAD_AUDIENCE);
    downloadClaims.put("fid", file.id());
    downloadClaims.put("uid", opening.owner().userId());
    downloadClaims.put("sha", file.sha256());
    if (opening.shareId() != null) {
      // The share must still be there when the Document Server fetches the file.
      downloadClaims.put("sid", opening.shareId());
      downloadClaims.put("vid", opening.userId());
    }
    downloadClaims.put("exp", now.plus(DOWNLOAD_LINK_LIFETIME).getEpochSecond());
    String downloadUrl = appUrl + "/api/office/download?token=" + OfficeTokens.sign(downloadClaims, settings.linkKey());

    Map<String, Object> callbackClaims = new LinkedHashMap<>();
    callbackClaims.put("iss", ISSUER);
    callbackClaims.put("aud", CALLBACK_AUDIENCE);
    callbackClaims.put("fid", file.id());
    callbackClaims.put("uid", opening.owner().userId());
    String callbackUrl = appUrl + "/api/office/callback?token=" + OfficeTokens.sign(callbackClaims, settings.linkKey());

    Map<String, Object> permissions = new LinkedHashMap<>();
    permissions.put("edit", canEdit);
    permissions.put("download", true);
    permissions.put("print", true);
    permissions.put("review", canEdit);
    permissions.put("comment", canEdit);
    permissions.put("fillForms", canEdit);
    permissions.put("modifyFilter", canEdit);
    permissions.put("modifyContentControl", canEdit);

    Map<String, Object> document = new LinkedHashMap<>();
    document.put("fileType", format.extension());
    document.put("key", session.key());
    document.put("title", file.name());
    document.put("url", downloadUrl);
    document.put("permissions", permissions);
    document.put("referenceData", Map.of("fileKey", file.id(), "instanceId", appUrl));

    String backUrl =
        opening.shareId() == null
            ? appUrl + "/files/" + file.parentId()
            : appUrl + "/files/shared/" + opening.shareId()
                + (opening.backFolderId() == null ? "" : "/" + opening.backFolderId());
    Map<String, Object> customization = new LinkedHashMap<>();
    customization.put("forcesave", true);
    customization.put("goback", Map.of("url", backUrl, "text", "Back to the folder"));

    Map<String, Object> editorConfig = new LinkedHashMap<>();
    editorConfig.put("callbackUrl", callbackUrl);
    editorConfig.put("mode", canEdit ? "edit" : "view");
    editorConfig.put("lang", "en");
    editorConfig.put("user", Map.of("id", opening.userId(), "name", opening.userName()));
    editorConfig.put("customization", customization);

    Map<String, Object> config = new LinkedHashMap<>();
    config.put("type", "desktop");
    config.put("width", "100%");
    config.put("height", "100%");
    config.put("documentType", format.type().code());
    config.put("document", document);
    config.put("editorConfig", editorConfig);
    Map<String, Object> signed = new LinkedHashMap<>(config);
    signed.put("iat", now.getEpochSecond());
    signed.put("exp", now.plus(CONFIG_LIFETIME).getEpochSecond());
    config.put("token", OfficeTokens.sign(signed, settings.tokenSecret()));

    return new EditorConfig(
        settings.publicUrl(),
        settings.publicUrl() + "/web-apps/apps/api/documents/api.js",
        config,
        file.id(),
        opening.backFolderId(),
        file.name(),
        canEdit ? "edit" : "view",
        editors(file.id()),
        opening.shareId());
  }

  /** A file (not a folder) inside what a share reaches. */
  private NodeDetails sharedFile(ShareGrant grant, String fileRef) {
    NodeDetails details = files.get(grant.owner(), sharedAccess.inside(grant, fileRef, "fileId"));
    if (!details.node().isFile()) {
      throw new InvalidInputException("fileId", "'" + details.node().name() + "' is a folder; documents are files.");
    }
    return details;
  }

  private String nameOf(String userId, String fallback) {
    return users.findById(userId)
        .map(u -> u.displayName() == null || u.displayName().isBlank() ? u.username() : u.displayName())
        .orElse(fallback == null ? userId : fallback);
  }

  private List<EditorConfig.Editor> editors(String fileId) {
    return sessions.editorsOf(fileId).stream().map(id -> new EditorConfig.Editor(id, nameOf(id, "someone"))).toList();
  }

  private NodeDetails resolve(FileActor actor, String fileId, String path) {
    if ((fileId == null) == (path == null)) {
      throw new InvalidInputException("fileId", "Give either fileId or path.");
    }
    return fileId != null ? requireFile(actor, fileId) : files.fileAtPath(actor, path);
  }

  private NodeDetails requireFile(FileActor actor, String fileId) {
    NodeDetails details = files.get(actor, fileId);
    if (!details.node().isFile()) {
      throw new InvalidInputException("fileId", "'" + details.node().name() + "' is a folder; documents are files.");
    }
    return details;
  }

  /** Whether the actor may write the file; every file reachable today is the actor's own. */
  private static boolean canWrite(FileActor actor, FileNode file) {
    return file.ownerId().equals(actor.userId());
  }

  private DocumentSession openSession(FileNode file) {
    String etag = bareEtag(file.etag());
    try {
      return sessions.openFor(file.id(), file.ownerId(), etag);
    } catch (RuntimeException e) {
      // Two people opened the same version at the same moment and the other one created the session: use it.
      return sessions.openFor(file.id(), file.ownerId(), etag);
    }
  }

  private String appUrl(String requestBaseUrl) {
    String configured = settings.appPublicUrl();
    String base = configured.isEmpty() ? requestBaseUrl : configured;
    return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  static String bareEtag(String etag) {
    return etag.length() >= 2 && etag.startsWith("\"") && etag.endsWith("\"") ? etag.substring(1, etag.length() - 1) : etag;
  }

  // ---- New documents

  /**
   * Creates a blank document, spreadsheet or presentation in a folder; the extension is added when the name lacks
   * it, and a taken name gets a counter ("Report (2).docx").
   */
  public NodeDetails createBlank(FileActor actor, String folderRef, String rawName, BlankDocuments.Kind kind) {
    String name = rawName == null ? "" : rawName.strip();
    if (name.isEmpty()) {
      throw new InvalidInputException("name", "Give the new file a name.");
    }
    if (!DocumentFormats.extension(name).equals(kind.extension())) {
      name = name + "." + kind.extension();
    }
    byte[] blank = BlankDocuments.of(kind);
    UploadResult result =
        files.upload(actor, folderRef, name, kind.mimeType(), new java.io.ByteArrayInputStream(blank), blank.length,
            ConflictPolicy.RENAME, WritePreconditions.NONE);
    return result.file();
  }

  // ---- The Document Server's download

  /**
   * The bytes a download link names: the version the link was issued for (the current content, or the earlier
   * version with the same bytes). A Document Server's bearer token, when sent, must be valid too.
   */
  public Download downloadForServer(String linkToken, String headerValue) {
    Map<String, Object> claims = verifyLink(linkToken, DOWNLOAD_AUDIENCE);
    if (headerValue != null && !headerValue.isBlank()) {
      try {
        OfficeTokens.verify(stripBearer(headerValue), settings.tokenSecret());
      } catch (OfficeTokens.InvalidTokenException e) {
        throw new DomainException(
            DomainException.Kind.UNAUTHENTICATED, "Token refused", "The Document Server's token is not valid.");
      }
    }
    FileActor actor = new FileActor(claims.get("uid").toString(), null, ClientInfo.system());
    String fileId = claims.get("fid").toString();
    if (claims.get("sid") != null) {
      ShareGrant grant =
          sharedAccess.incoming(
              new FileActor(String.valueOf(claims.get("vid")), null, ClientInfo.system()), claims.get("sid").toString());
      if (!grant.owner().userId().equals(actor.userId())) {
        throw new NodeNotFoundException("file", fileId);
      }
      sharedAccess.inside(grant, fileId, "id");
    }
    String sha = claims.get("sha").toString();
    NodeDetails details = files.get(actor, fileId);
    if (sha.equals(details.node().sha256())) {
      Download download = files.download(actor, fileId);
      if (download.etag().equals(details.node().etag())) {
        return download;
      }
    }
    for (FileVersion version : files.versions(actor, fileId)) {
      if (sha.equals(version.sha256())) {
        return files.versionContent(actor, fileId, version.id());
      }
    }
    throw new NodeNotFoundException("version", "of '" + details.node().name() + "' this link was made for");
  }

  private Map<String, Object> verifyLink(String token, String audience) {
    Map<String, Object> claims;
    try {
      claims = OfficeTokens.verify(token, settings.linkKey());
    } catch (OfficeTokens.InvalidTokenException e) {
      throw new DomainException(
          DomainException.Kind.UNAUTHENTICATED, "Link refused", "This link is not valid or has expired.");
    }
    if (!ISSUER.equals(claims.get("iss")) || !audience.equals(claims.get("aud")) || claims.get("fid") == null
        || claims.get("uid") == null || (DOWNLOAD_AUDIENCE.equals(audience) && claims.get("sha") == null)) {
      throw new DomainException(
          DomainException.Kind.UNAUTHENTICATED, "Link refused", "This link is not valid for this purpose.");
    }
    return claims;
  }

  private static String stripBearer(String value) {
    String trimmed = value.trim();
    return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : trimmed;
  }

  // ---- Callback

  /**
   * Handles a callback: {@code linkToken} from the callback address (binds it to a file), the raw JSON body, and the
   * value of the configured JWT header. The body is trusted only as the signed token carries it.
   */
  public CallbackAnswer callback(String linkToken, String rawBody, String headerValue, ClientInfo client) {
    Map<String, Object> link;
    try {
      link = verifyLink(linkToken, CALLBACK_AUDIENCE);
    } catch (DomainException e) {
      return refuse(client, null, "callback address not valid");
    }
    String fileId = link.get("fid").toString();
    Map<String, Object> payload;
    try {
      payload = signedPayload(rawBody, headerValue);
    } catch (OfficeTokens.InvalidTokenException | IllegalArgumentException e) {
      return refuse(client, fileId, e.getMessage());
    }
    CallbackBody body;
    try {
      body = CallbackBody.from(payload);
    } catch (IllegalArgumentException e) {
      return refuse(client, fileId, e.getMessage());
    }
    Optional<DocumentSession> found = sessions.find(body.key());
    if (found.isEmpty() || !found.get().fileId().equals(fileId)) {
      return refuse(client, fileId, "unknown document key for this file");
    }
    DocumentSession session = found.get();
    switch (body.status()) {
      case 1 -> {
        sessions.markEditing(session.key(), body.users());
        return CallbackAnswer.OK;
      }
      case 4 -> {
        sessions.close(session.key());
        return CallbackAnswer.OK;
      }
      case 2, 3, 6, 7 -> {
        return save(session, body);
      }
      default -> {
        return CallbackAnswer.OK;
      }
    }
  }

  /**
   * The callback as its signature vouches for it: the body's {@code token} (whose claims are the body), else the
   * configured header's token (whose {@code payload} claim is the body).
   */
  private Map<String, Object> signedPayload(String rawBody, String headerValue)
      throws OfficeTokens.InvalidTokenException {
    Map<String, Object> raw;
    try {
      raw = org.jose4j.json.JsonUtil.parseJson(rawBody == null ? "" : rawBody);
    } catch (org.jose4j.lang.JoseException | RuntimeException e) {
      throw new IllegalArgumentException("The callback body is not JSON.");
    }
    String token = raw.get("token") instanceof String t && !t.isBlank() ? t : null;
    if (token == null && headerValue != null && !headerValue.isBlank()) {
      token = stripBearer(headerValue);
    }
    if (token == null) {
      throw new OfficeTokens.InvalidTokenException("JWT expected");
    }
    Map<String, Object> claims = OfficeTokens.verify(token, settings.tokenSecret());
    if (claims.get("payload") instanceof Map<?, ?> payload) {
      @SuppressWarnings("unchecked")
      Map<String, Object> body = (Map<String, Object>) payload;
      return body;
    }
    return claims;
  }

  private CallbackAnswer refuse(ClientInfo client, String fileId, String why) {
    LOG.warning(() -> "Refused a Document Server callback" + (fileId == null ? "" : " for file " + fileId) + ": " + why);
    audit.record(
        AuditType.OFFICE_CALLBACK_REFUSED, AuditOutcome.FAILURE, null, null,
        fileId == null ? "office callback" : "file " + fileId, client, why);
    return CallbackAnswer.refused(why);
  }

  private CallbackAnswer save(DocumentSession session, CallbackBody body) {
    if (body.url() == null || body.url().isBlank()) {
      return CallbackAnswer.refused("The callback has no url to download the document from.");
    }
    String delivery = sha256Hex(session.key() + "|" + body.status() + "|" + body.url());
    DocumentSessions.Claim claim;
    try {
      claim = sessions.claim(delivery, session, fileName(session), body);
    } catch (RuntimeException e) {
      LOG.log(Level.INFO, "A save of key " + session.key() + " is being recorded by another request", e);
      return CallbackAnswer.refused("This save is being stored by another request; try again.");
    }
    return switch (claim.kind()) {
      case ALREADY_SAVED -> CallbackAnswer.OK;
      case BUSY -> CallbackAnswer.refused("This save is being stored by another request; try again.");
      case CLAIMED -> store(claim.save(), session.contentEtag(), "document server");
    };
  }

  private String fileName(DocumentSession session) {
    try {
      return files.get(ownerOf(session.ownerId()), session.fileId()).node().name();
    } catch (DomainException e) {
      return "(deleted file " + session.fileId() + ")";
    }
  }

  private static FileActor ownerOf(String ownerId) {
    return new FileActor(ownerId, null, ClientInfo.system());
  }

  /**
   * Downloads a claimed save and stores it as the file's new content; marks it saved only once it is durable, else
   * records the failure. {@code baseEtag} is the version the editing started from.
   */
  private CallbackAnswer store(DocumentSave save, String baseEtag, String by) {
    Path incoming = null;
    try {
      incoming = incomingFile();
      URI source = sourceUri(save.sourceUrl());
      OutboundHttp.Downloaded downloaded =
          http.download(source, settings.serverOrigins(), serverAuthorization(source), DOWNLOAD_LIMITS, incoming);
      String wanted = DocumentFormats.extension(save.fileName());
      if (save.fileType() != null && !save.fileType().isBlank() && !wanted.isEmpty()
          && !save.fileType().equalsIgnoreCase(wanted)) {
        downloaded = convert(save, source, wanted, incoming);
      }
      Stored stored = storeVersion(save, baseEtag, incoming, downloaded);
      sessions.saved(save.id(), stored.etag(), stored.outcome());
      audit.record(
          save.serverError() ? AuditType.OFFICE_SAVE_FAILED : AuditType.OFFICE_SAVE,
          save.serverError() ? AuditOutcome.FAILURE : AuditOutcome.SUCCESS,
          firstEditor(save), null, "file " + save.fileId(),
          ClientInfo.system(),
          (save.serverError()
                  ? "the Document Server reported an error while saving (status " + save.callbackStatus()
                      + "); the copy it delivered was stored: "
                  : "status " + save.callbackStatus() + " by " + by + ": ")
              + stored.outcome() + editedBy(save));
      return CallbackAnswer.OK;
    } catch (DestinationRefusedException | OutboundRequestException | DomainException | UncheckedIOException
        | IOException e) {
      return failed(save, readable(e));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Storing save " + save.id() + " of file " + save.fileId() + " failed", e);
      return failed(save, "The document could not be stored (an unexpected error; see the server log).");
    } finally {
      if (incoming != null) {
        try {
          Files.deleteIfExists(incoming);
        } catch (IOException e) {
          LOG.log(Level.WARNING, "Could not delete " + incoming, e);
        }
      }
    }
  }

  private CallbackAnswer failed(DocumentSave save, String reason) {
    try {
      sessions.failed(save.id(), reason);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Could not record the failed save " + save.id(), e);
    }
    LOG.warning(() -> "Save " + save.id() + " of file " + save.fileId() + " (key " + save.key() + ", status "
        + save.callbackStatus() + ") is not stored yet: " + reason);
    audit.record(
        AuditType.OFFICE_SAVE_FAILED, AuditOutcome.FAILURE, firstEditor(save), null, "file " + save.fileId(),
        ClientInfo.system(), "changes not yet saved: " + reason);
    return CallbackAnswer.refused("Changes not yet saved: " + reason);
  }

  private static String readable(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 900 ? message.substring(0, 900) + "…" : message;
  }

  /** Who the Document Server reported as the editors of a save, by name, for the audit log. */
  private String editedBy(DocumentSave save) {
    if (save.editors() == null || save.editors().isBlank()) {
      return "";
    }
    List<String> names =
        java.util.Arrays.stream(save.editors().split(","))
            .filter(id -> !id.isBlank() && id.length() <= 36)
            .map(id -> nameOf(id, id))
            .toList();
    return names.isEmpty() ? "" : "; edited by " + String.join(", ", names);
  }

  private static String firstEditor(DocumentSave save) {
    if (save.editors() == null || save.editors().isBlank()) {
      return null;
    }
    String first = save.editors().split(",")[0];
    return first.length() > 36 ? null : first;
  }

  /** A file's new content, and what happened. */
  private record Stored(String etag, String outcome) {}

  private Stored storeVersion(DocumentSave save, String baseEtag, Path incoming, OutboundHttp.Downloaded downloaded)
      throws IOException {
    FileActor owner = ownerOf(save.ownerId());
    NodeDetails current;
    try {
      current = files.get(owner, save.fileId());
    } catch (NodeNotFoundException e) {
      return storeRecoveredCopy(owner, save, incoming, downloaded);
    }
    FileNode file = current.node();
    if (downloaded.sha256().equals(file.sha256())) {
      return new Stored(bareEtag(file.etag()), "the file already had this content; no new version was needed");
    }
    String mimeType = file.mimeType();
    WritePreconditions expectBase =
        baseEtag == null ? WritePreconditions.NONE : new WritePreconditions(List.of("\"" + baseEtag + "\""), false);
    try (InputStream in = Files.newInputStream(incoming)) {
      UploadResult result =
          files.upload(owner, file.parentId(), file.name(), mimeType, in, downloaded.size(), ConflictPolicy.REPLACE,
              expectBase);
      return new Stored(bareEtag(result.file().node().etag()), "stored as a new version of '" + file.name() + "'");
    } catch (ContentChangedException e) {
      // Someone changed the file since the editing started; the edit still wins, and their content stays a version.
      try (InputStream in = Files.newInputStream(incoming)) {
        UploadResult result =
            files.upload(owner, file.parentId(), file.name(), mimeType, in, downloaded.size(), ConflictPolicy.REPLACE,
                WritePreconditions.NONE);
        return new Stored(
            bareEtag(result.file().node().etag()),
            "stored as a new version of '" + file.name() + "'; the content it replaced (changed elsewhere meanwhile)"
                + " is kept as a version");
      }
    }
  }

  /** The file was deleted while it was edited: the edit goes into a new file in the owner's root folder. */
  private Stored storeRecoveredCopy(FileActor owner, DocumentSave save, Path incoming,
      OutboundHttp.Downloaded downloaded) throws IOException {
    String name = save.fileName().startsWith("(deleted file ") ? "Recovered document." + save.fileType()
        : save.fileName();
    try (InputStream in = Files.newInputStream(incoming)) {
      UploadResult result =
          files.upload(owner, "root", name, null, in, downloaded.size(), ConflictPolicy.RENAME, WritePreconditions.NONE);
      return new Stored(
          bareEtag(result.file().node().etag()),
          "the file had been deleted, so the edit was stored as '" + result.file().node().name() + "' in the root folder");
    }
  }

  /** Converts the delivered document to the file's format with the Document Server's conversion service. */
  private OutboundHttp.Downloaded convert(DocumentSave save, URI source, String outputType, Path target) {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("async", false);
    request.put("filetype", save.fileType().toLowerCase(Locale.ROOT));
    request.put("outputtype", outputType);
    request.put("key", save.key() + "-" + save.delivery().substring(0, 12));
    request.put("title", save.fileName());
    request.put("url", source.toString());
    String body = org.jose4j.json.JsonUtil.toJson(Map.of("token", OfficeTokens.sign(request, settings.tokenSecret())));
    URI converter = URI.create(settings.internalUrl() + "/converter");
    OutboundHttp.TextResponse response =
        http.postJson(converter, settings.serverOrigins(), Map.of("Accept", "application/json"), body, COMMAND_LIMITS);
    Map<String, Object> answer;
    try {
      answer = org.jose4j.json.JsonUtil.parseJson(response.body());
    } catch (org.jose4j.lang.JoseException | RuntimeException e) {
      throw new OutboundRequestException("The conversion service answered HTTP " + response.status() + " without JSON.");
    }
    if (answer.get("error") instanceof Number error) {
      throw new OutboundRequestException(
          "The conversion from " + save.fileType() + " to " + outputType + " failed (error " + error + ").");
    }
    if (!Boolean.TRUE.equals(answer.get("endConvert")) || !(answer.get("fileUrl") instanceof String fileUrl)) {
      throw new OutboundRequestException("The conversion to " + outputType + " did not finish in time.");
    }
    URI converted = sourceUri(fileUrl);
    return http.download(converted, settings.serverOrigins(), serverAuthorization(converted), DOWNLOAD_LIMITS, target);
  }

  /**
   * The address to download from: only the Document Server's own origins; an address on its public origin is
   * fetched through its internal one (the app may not reach the public name).
   */
  private URI sourceUri(String url) {
    String address = url.trim();
    String internal = settings.internalUrl();
    String publicUrl = settings.publicUrl();
    if (!internal.equals(publicUrl) && address.startsWith(publicUrl)
        && (address.length() == publicUrl.length() || address.charAt(publicUrl.length()) == '/')) {
      address = internal + address.substring(publicUrl.length());
    }
    URI uri;
    try {
      uri = new URI(address);
    } catch (java.net.URISyntaxException e) {
      throw new DestinationRefusedException("the download address is not a valid URL");
    }
    boolean fromServer = settings.serverOrigins().stream().anyMatch(origin -> sameOrigin(uri, origin));
    if (!fromServer) {
      throw new DestinationRefusedException(
          "documents are downloaded only from the configured Document Server, not from "
              + (uri.getScheme() == null ? "'" + address.split(":", 2)[0] + "'" : OutboundHttp.origin(uri)));
    }
    return uri;
  }

  private static boolean sameOrigin(URI a, URI b) {
    if (a.getScheme() == null || b.getScheme() == null || a.getHost() == null || b.getHost() == null) {
      return false;
    }
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b)
        && a.getRawUserInfo() == null;
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
  }

  /** The Document Server accepts our requests with its own JWT in the configured header: {"payload":{"url":…}}. */
  private Map<String, String> serverAuthorization(URI url) {
    String token = OfficeTokens.sign(Map.of("payload", Map.of("url", url.toString())), settings.tokenSecret());
    String header = settings.jwtHeader();
    return Map.of(header, "Authorization".equalsIgnoreCase(header) ? "Bearer " + token : token);
  }

  private Path incomingFile() throws IOException {
    Path dir = workspace.dataDir().resolve("office-incoming");
    Files.createDirectories(dir);
    return dir.resolve(UUID.randomUUID() + ".part");
  }

  // ---- Failed saves

  /** Saves of the user's documents not stored yet (the "changes not yet saved" list). */
  public List<DocumentSave> unsavedOf(String userId) {
    return sessions.unsaved(userId, 0, 200);
  }

  /** Every save not stored yet, for admins. */
  public List<DocumentSave> unsaved(int offset, int limit) {
    return sessions.unsaved(null, offset, limit);
  }

  public long countUnsaved() {
    return sessions.countUnsaved(null);
  }

  /**
   * Tries a failed save again now (the owner or an admin asked); answers the save as it stands afterwards.
   * {@code ownerId} restricts it to one owner's saves (null for admins).
   */
  public DocumentSave retry(String saveId, String ownerId, String actorId, String actorName, ClientInfo client) {
    DocumentSave save =
        sessions.save(saveId)
            .filter(s -> ownerId == null || s.ownerId().equals(ownerId))
            .orElseThrow(() -> new NodeNotFoundException("unsaved document change", saveId));
    if (save.state() == DocumentSave.State.SAVED) {
      return save;
    }
    DocumentSessions.Claim claim = sessions.claimForRetry(save.id());
    if (claim.kind() == DocumentSessions.Claim.Kind.BUSY) {
      throw new DomainException(
          DomainException.Kind.CONFLICT, "Being saved", "This change is being stored right now; look again shortly.");
    }
    audit.record(
        AuditType.OFFICE_SAVE_RETRY, AuditOutcome.SUCCESS, actorId, actorName, "file " + save.fileId(), client,
        "retry of save " + save.id() + " (attempt " + claim.save().attempts() + ")");
    if (claim.kind() == DocumentSessions.Claim.Kind.CLAIMED) {
      String baseEtag = sessions.find(save.key()).map(DocumentSession::contentEtag).orElse(null);
      store(claim.save(), baseEtag, actorName == null ? "a retry" : "a retry by " + actorName);
    }
    return sessions.save(save.id()).orElseThrow();
  }

  /** Who is editing a file in the Document Server now (user ids). */
  public List<EditorConfig.Editor> editorsOf(FileActor actor, String fileId) {
    NodeDetails details = requireFile(actor, fileId);
    return editors(details.node().id());
  }

  /** Who is editing a file of a share with the signed-in user. */
  public List<EditorConfig.Editor> sharedEditorsOf(FileActor actor, String shareId, String fileRef) {
    ShareGrant grant = sharedAccess.incoming(actor, shareId);
    return editors(sharedFile(grant, fileRef).node().id());
  }

  /** The files of one of the actor's folders ({@code root} too) that someone has open in the Document Server. */
  public List<EditedFile> editingIn(FileActor actor, String folderRef) {
    NodeDetails folder = files.get(actor, folderRef);
    return editingIn(actor.userId(), folder);
  }

  /** The files of a folder of a share with the signed-in user ({@code root}: the shared folder) being edited. */
  public List<EditedFile> sharedEditingIn(FileActor actor, String shareId, String folderRef) {
    ShareGrant grant = sharedAccess.incoming(actor, shareId);
    NodeDetails node = files.get(grant.owner(), sharedAccess.inside(grant, folderRef, "folderId"));
    if (node.node().isFile()) {
      // A shared single file: the "folder" is the file itself.
      List<EditorConfig.Editor> editors = editors(node.node().id());
      return editors.isEmpty() ? List.of() : List.of(new EditedFile(node.node().id(), editors));
    }
    return editingIn(grant.owner().userId(), node);
  }

  private List<EditedFile> editingIn(String ownerId, NodeDetails folder) {
    if (!folder.node().isFolder()) {
      throw new InvalidInputException("folderId", "'" + folder.node().name() + "' is a file, not a folder.");
    }
    Map<String, String> names = new java.util.HashMap<>();
    return sessions.editedIn(ownerId, folder.node().id()).entrySet().stream()
        .map(e -> new EditedFile(
            e.getKey(),
            e.getValue().stream()
                .map(id -> new EditorConfig.Editor(id, names.computeIfAbsent(id, u -> nameOf(u, "someone"))))
                .toList()))
        .toList();
  }

  /** A file someone has open in the Document Server, and who. */
  public record EditedFile(String fileId, List<EditorConfig.Editor> editors) {}

  private static String sha256Hex(String text) {
    try {
      return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
