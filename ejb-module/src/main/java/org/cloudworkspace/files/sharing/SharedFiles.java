package org.cloudworkspace.files.sharing;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.util.List;
import java.util.function.Predicate;
import org.cloudworkspace.common.ClientInfo;
import org.cloudworkspace.common.error.InvalidInputException;
import org.cloudworkspace.files.Archive;
import org.cloudworkspace.files.ConflictPolicy;
import org.cloudworkspace.files.Download;
import org.cloudworkspace.files.FileActor;
import org.cloudworkspace.files.FileService;
import org.cloudworkspace.files.FolderListing;
import org.cloudworkspace.files.NodeDetails;
import org.cloudworkspace.files.SortKey;
import org.cloudworkspace.files.UploadResult;
import org.cloudworkspace.files.WritePreconditions;

/**
 * What recipients do inside a share, and visitors through a public link: browse, download, zip, and (read-write
 * shares) upload, create folders, rename, move and delete; (upload-only links) drop files. {@link SharedAccess}
 * checks the share and confines the ids; then the file services do the work as the owner, so writes count against
 * the owner's quota and the owner sees them as their own changes. Favourites of the owner are never shown.
 */
@Stateless
public class SharedFiles {

  @Inject SharedAccess access;

  @Inject FileService files;

  // ---- Shares with the signed-in user

  public FolderListing list(FileActor actor, String shareId, String folderRef, SortKey sort, boolean descending,
      int offset, int limit) {
    ShareGrant grant = access.incoming(actor, shareId);
    return listing(grant, folderRef, sort, descending, offset, limit);
  }

  public NodeDetails get(FileActor actor, String shareId, String ref) {
    ShareGrant grant = access.incoming(actor, shareId);
    return visible(files.get(grant.owner(), access.inside(grant, ref, "id")));
  }

  public Download download(FileActor actor, String shareId, String fileRef) {
    ShareGrant grant = access.incoming(actor, shareId);
    return files.download(grant.owner(), access.inside(grant, fileRef, "id"));
  }

  public Archive archive(FileActor actor, String shareId, String folderRef) {
    ShareGrant grant = access.incoming(actor, shareId);
    return files.archive(grant.owner(), access.inside(grant, folderRef, "id"));
  }

  public NodeDetails createFolder(FileActor actor, String shareId, String folderRef, String name) {
    ShareGrant grant = writable(access.incoming(actor, shareId), "create folders");
    return visible(files.createFolder(grant.owner(), access.inside(grant, folderRef, "folderId"), name));
  }

  /** Streams an upload into a folder of a read-write share; the bytes count against the owner's quota. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public UploadResult upload(FileActor actor, String shareId, String folderRef, String name, String contentType,
      InputStream body, long length, ConflictPolicy policy, WritePreconditions preconditions) {
    ShareGrant grant = writable(access.incoming(actor, shareId), "upload");
    String folderId = access.inside(grant, folderRef, "folderId");
    UploadResult result =
        files.upload(grant.owner(), folderId, name, contentType, body, length, policy, preconditions);
    return new UploadResult(visible(result.file()), result.created());
  }

  /**
   * Saves new content over a file of a read-write share (the built-in editor's save); also works when the share is
   * the file itself. The previous content stays a version; {@code preconditions} (If-Match) detect a change made
   * meanwhile.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public UploadResult replaceContent(FileActor actor, String shareId, String fileRef, String contentType,
      InputStream body, long length, WritePreconditions preconditions) {
    ShareGrant grant = writable(access.incoming(actor, shareId), "change files");
    NodeDetails current = files.get(grant.owner(), access.inside(grant, fileRef, "id"));
    if (!current.node().isFile()) {
      throw new InvalidInputException("id", "'" + current.node().name() + "' is a folder; only files have content.");
    }
    UploadResult result =
        files.upload(grant.owner(), current.node().parentId(), current.node().name(), contentType, body, length,
            ConflictPolicy.REPLACE, preconditions);
    return new UploadResult(visible(result.file()), result.created());
  }

  /** Renames and/or moves inside a read-write share; the shared item itself stays as the owner named it. */
  public NodeDetails update(FileActor actor, String shareId, String id, String name, String parentRef,
      ConflictPolicy policy) {
    ShareGrant grant = writable(access.incoming(actor, shareId), "rename or move");
    String nodeId = access.inside(grant, id, "id");
    if (nodeId.equals(grant.rootId())) {
      throw ShareAccessException.shareRoot("rename or move");
    }
    String parentId = parentRef == null ? null : access.inside(grant, parentRef, "parentId");
    return visible(files.update(grant.owner(), nodeId, name, parentId, policy));
  }

  /** Moves a file or folder inside a read-write share to the owner's trash. */
  public void delete(FileActor actor, String shareId, String id) {
    ShareGrant grant = writable(access.incoming(actor, shareId), "delete");
    String nodeId = access.inside(grant, id, "id");
    if (nodeId.equals(grant.rootId())) {
      throw ShareAccessException.shareRoot("delete");
    }
    files.moveToTrash(grant.owner(), nodeId);
  }

  // ---- Public links

  public LinkInfo linkInfo(String token, String session) {
    return access.linkInfo(token, session);
  }

  public String unlock(String token, String password, ClientInfo client) {
    return access.unlock(token, password, client);
  }

  /** A folder of a read-only folder link. */
  public FolderListing listLink(String token, String session, ClientInfo client, String folderRef, SortKey sort,
      boolean descending, int offset, int limit) {
    ShareGrant grant = readable(access.link(token, session, client));
    if (!grant.rootIsFolder()) {
      throw new InvalidInputException(
          "folderId", "This link shares a single file; there is no folder to list.");
    }
    return listing(grant, folderRef, sort, descending, offset, limit);
  }

  /**
   * A file of a read-only link: the shared file itself ({@code root}) or one inside the shared folder. Adds one to
   * the link's downloads when {@code counts} says that this request downloads it (the caller decides from the
   * request: a whole body, not a preview or a range).
   */
  public Download downloadLink(String token, String session, ClientInfo client, String fileRef,
      Predicate<Download> counts) {
    ShareGrant grant = readable(access.link(token, session, client));
    Download download = files.download(grant.owner(), access.inside(grant, fileRef, "id"));
    if (counts.test(download)) {
      access.countDownload(grant.shareId());
    }
    return download;
  }

  /** A folder of a read-only folder link as a zip; counts as a download. */
  public Archive archiveLink(String token, String session, ClientInfo client, String folderRef) {
    ShareGrant grant = readable(access.link(token, session, client));
    Archive archive = files.archive(grant.owner(), access.inside(grant, folderRef, "id"));
    access.countDownload(grant.shareId());
    return archive;
  }

  /**
   * Drops a file into the folder of an upload-only link: streamed, counted against the owner's quota, and never
   * overwriting — a taken name gets a counter ("report (2).pdf").
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public UploadResult dropFile(String token, String session, ClientInfo client, String name, String contentType,
      InputStream body, long length) {
    ShareGrant grant = access.link(token, session, client);
    if (grant.permission() != SharePermission.UPLOAD) {
      throw ShareAccessException.readOnly("upload");
    }
    UploadResult result =
        files.upload(grant.owner(), grant.rootId(), name, contentType, body, length, ConflictPolicy.RENAME,
            WritePreconditions.NONE);
    return new UploadResult(visible(result.file()), result.created());
  }

  // ----

  private FolderListing listing(ShareGrant grant, String folderRef, SortKey sort, boolean descending, int offset,
      int limit) {
    FolderListing listing =
        files.list(grant.owner(), access.inside(grant, folderRef, "folderId"), sort, descending, offset, limit);
    List<NodeDetails> crumbs =
        SharedAccess.fromShareRoot(
            listing.breadcrumbs(), listing.breadcrumbs().stream().map(d -> d.node().id()).toList(), grant.rootId());
    return new FolderListing(
        visible(listing.folder()),
        crumbs.stream().map(SharedFiles::visible).toList(),
        listing.items().stream().map(SharedFiles::visible).toList(),
        listing.total());
  }

  /** Without the owner's favourite flag. */
  private static NodeDetails visible(NodeDetails details) {
    return new NodeDetails(details.node(), details.size(), false, null);
  }

  private static ShareGrant writable(ShareGrant grant, String what) {
    if (grant.permission() != SharePermission.READ_WRITE) {
      throw ShareAccessException.readOnly(what);
    }
    return grant;
  }

  private static ShareGrant readable(ShareGrant grant) {
    if (grant.permission() == SharePermission.UPLOAD) {
      throw ShareAccessException.uploadOnly();
    }
    return grant;
  }
}
