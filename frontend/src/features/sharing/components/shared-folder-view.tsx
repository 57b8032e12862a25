import { useCallback, useRef, useState, type ReactNode, type SyntheticEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Dialog } from '@/components/dialog';
import { FileIcon, FolderIcon, FolderPlusIcon, UploadIcon } from '@/components/file-icons';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { fileOpenersFor, primaryOpenerFor, type FileOpenContext } from '@/lib/file-openers';
import { notify } from '@/lib/notifications';
import {
  getIncomingContent,
  getIncomingZip,
  useCreateSharedFolder,
  useDeleteShared,
  useIncomingChildren,
  useIncomingShares,
  useRenameShared,
  useUploadToShare,
} from '../api/incoming';
import type { SharedNode } from '../api/schemas';
import { messageOf } from '../utils/errors';
import { formatSize, previewKind } from '../utils/format';
import { sharingPaths } from '../utils/paths';
import { saveBlob } from '../utils/save-blob';
import { FilePreview } from './file-preview';

/** A mark the route adds beside a file's name (e.g. who is editing it). */
type Badge = (node: { id: string; name: string }) => ReactNode;

/**
 * Inside something shared with the user: browse, preview and download; with "can edit" also
 * upload, create folders, rename and delete (into the owner's trash). Files open in the editors
 * other features register (lib/file-openers), through the share.
 */
export function SharedFolderView({
  shareId,
  folderId,
  badge,
}: {
  shareId: string;
  folderId: string;
  badge?: Badge;
}) {
  const shares = useIncomingShares();
  const share = shares.data?.find((s) => s.id === shareId);
  if (shares.isPending) {
    return <Spinner label="Loading the share" />;
  }
  if (share === undefined) {
    return (
      <section className="files-view">
        <h1 className="files-view__title">Share not found</h1>
        <Alert kind="error">
          This share does not exist any more: its owner may have stopped sharing it.
        </Alert>
        <Link className="button button--primary" to={sharingPaths.sharedWithMe}>
          Go to Shared with me
        </Link>
      </section>
    );
  }
  if (share.node.type === 'file') {
    return <SharedFile shareId={shareId} node={share.node} badge={badge} />;
  }
  return (
    <SharedFolder
      shareId={shareId}
      folderId={folderId}
      canEdit={share.permission === 'read-write'}
      badge={badge}
    />
  );
}

/** The editors that open a shared file ("Open in document editor", "Edit"), as buttons. */
function OpenerButtons({ node, context }: { node: SharedNode; context: FileOpenContext }) {
  return (
    <>
      {fileOpenersFor(node).map((opener) => (
        <Button
          key={opener.label}
          variant="ghost"
          aria-label={`${opener.label}: ${node.name}`}
          onClick={() => {
            opener.open(node, context);
          }}
        >
          {opener.label}
        </Button>
      ))}
    </>
  );
}

function download(shareId: string, node: SharedNode) {
  const blob =
    node.type === 'folder'
      ? getIncomingZip(shareId, node.id)
      : getIncomingContent(shareId, node.id);
  blob
    .then((content) => {
      saveBlob(content, node.type === 'folder' ? `${node.name}.zip` : node.name);
    })
    .catch((error: unknown) => {
      notify('error', 'Download failed', messageOf(error, 'Try again.'));
    });
}

function SharedFile({
  shareId,
  node,
  badge,
}: {
  shareId: string;
  node: SharedNode;
  badge: Badge | undefined;
}) {
  const navigate = useNavigate();
  const kind = previewKind(node.mimeType, node.name);
  const load = useCallback(() => getIncomingContent(shareId, 'root'), [shareId]);
  return (
    <section className="files-view">
      <title>{`${node.name} · Cloud Workspace`}</title>
      <header className="files-view__header">
        <h1 className="files-view__title">
          {node.name}
          {badge?.(node)}
        </h1>
        <div className="files-view__actions">
          <OpenerButtons
            node={node}
            context={{
              navigate: (to) => {
                void navigate(to);
              },
              share: { shareId, folderId: null },
            }}
          />
          <Button
            onClick={() => {
              download(shareId, { ...node, id: 'root' });
            }}
          >
            Download
          </Button>
        </div>
      </header>
      <p className="share-row__meta">{formatSize(node.size)}</p>
      {kind !== null && <FilePreview name={node.name} kind={kind} load={load} />}
    </section>
  );
}

function SharedFolder({
  shareId,
  folderId,
  canEdit,
  badge,
}: {
  shareId: string;
  folderId: string;
  canEdit: boolean;
  badge: Badge | undefined;
}) {
  const navigate = useNavigate();
  const listing = useIncomingChildren(shareId, folderId);
  // The share's top folder is "the share itself" for the way back, however it was reached.
  const atTop = folderId === 'root' || folderId === listing.data?.breadcrumbs[0]?.id;
  const openContext: FileOpenContext = {
    navigate: (to) => {
      void navigate(to);
    },
    share: { shareId, folderId: atTop ? null : folderId },
  };
  const upload = useUploadToShare();
  const remove = useDeleteShared();
  const createFolder = useCreateSharedFolder();
  const rename = useRenameShared();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dialog, setDialog] = useState<
    | { kind: 'new-folder' }
    | { kind: 'rename'; node: SharedNode }
    | { kind: 'delete'; node: SharedNode }
    | { kind: 'preview'; node: SharedNode }
    | null
  >(null);
  const targetId = listing.data?.folder.id ?? folderId;
  const close = () => {
    setDialog(null);
  };

  function onPicked(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      upload.mutate(
        { shareId, folderId: targetId, file },
        {
          onSuccess: () => {
            notify('success', `Uploaded “${file.name}”`);
          },
          onError: (error) => {
            notify('error', `“${file.name}” was not uploaded`, messageOf(error, 'Try again.'));
          },
        },
      );
    }
    if (fileInput.current !== null) {
      fileInput.current.value = '';
    }
  }

  if (listing.isPending) {
    return <Spinner label="Loading the folder" />;
  }
  if (listing.isError) {
    return (
      <section className="files-view">
        <h1 className="files-view__title">Folder not found</h1>
        <Alert kind="error">{messageOf(listing.error, 'The folder could not be loaded.')}</Alert>
      </section>
    );
  }
  const { breadcrumbs, items, folder } = listing.data;
  return (
    <section className="files-view">
      <title>{`${folder.name} · Cloud Workspace`}</title>
      <header className="files-view__header">
        <nav aria-label="Breadcrumbs" className="breadcrumbs">
          <ol className="breadcrumbs__list">
            <li className="breadcrumbs__item">
              <Link to={sharingPaths.sharedWithMe}>Shared with me</Link>
            </li>
            {breadcrumbs.map((crumb, index) => (
              <li key={crumb.id} className="breadcrumbs__item">
                {index === breadcrumbs.length - 1 ? (
                  <span aria-current="page">{crumb.name}</span>
                ) : (
                  <Link to={sharingPaths.sharedFolder(shareId, index === 0 ? 'root' : crumb.id)}>
                    {crumb.name}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
        {canEdit && (
          <div className="files-view__actions">
            <Button
              variant="secondary"
              onClick={() => {
                setDialog({ kind: 'new-folder' });
              }}
            >
              <FolderPlusIcon width={18} height={18} />
              New folder
            </Button>
            <Button busy={upload.isPending} onClick={() => fileInput.current?.click()}>
              <UploadIcon width={18} height={18} />
              Upload
            </Button>
            <input
              ref={fileInput}
              type="file"
              multiple
              className="visually-hidden"
              tabIndex={-1}
              aria-label="Upload files"
              onChange={(event) => {
                onPicked(event.target.files);
              }}
            />
          </div>
        )}
      </header>
      {items.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">This folder is empty</p>
        </div>
      ) : (
        <div className="file-table-wrap">
          <table className="file-table" aria-label={`Files in ${folder.name}`}>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col" className="file-table__size">
                  Size
                </th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((node) => (
                <tr key={node.id} className="file-row">
                  <td className="file-table__name">
                    <div className="file-name">
                      {node.type === 'folder' ? (
                        <>
                          <FolderIcon width={20} height={20} />
                          <Link
                            className="file-name__link"
                            to={sharingPaths.sharedFolder(shareId, node.id)}
                          >
                            {node.name}
                          </Link>
                        </>
                      ) : (
                        <>
                          <FileIcon width={20} height={20} />
                          <button
                            type="button"
                            className="file-name__link"
                            onClick={() => {
                              const opener = primaryOpenerFor(node);
                              if (opener !== undefined) {
                                opener.open(node, openContext);
                              } else if (previewKind(node.mimeType, node.name) === null) {
                                download(shareId, node);
                              } else {
                                setDialog({ kind: 'preview', node });
                              }
                            }}
                          >
                            {node.name}
                          </button>
                          {badge?.(node)}
                        </>
                      )}
                    </div>
                  </td>
                  <td className="file-table__size">
                    {node.type === 'folder' ? '—' : formatSize(node.size)}
                  </td>
                  <td className="share-row__actions">
                    {node.type === 'file' && <OpenerButtons node={node} context={openContext} />}
                    <Button
                      variant="ghost"
                      aria-label={`Download ${node.name}`}
                      onClick={() => {
                        download(shareId, node);
                      }}
                    >
                      Download
                    </Button>
                    {canEdit && (
                      <>
                        <Button
                          variant="ghost"
                          aria-label={`Rename ${node.name}`}
                          onClick={() => {
                            setDialog({ kind: 'rename', node });
                          }}
                        >
                          Rename
                        </Button>
                        <Button
                          variant="ghost"
                          aria-label={`Delete ${node.name}`}
                          onClick={() => {
                            setDialog({ kind: 'delete', node });
                          }}
                        >
                          Delete
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {dialog?.kind === 'new-folder' && (
        <NameDialog
          title="New folder"
          initial=""
          submitLabel="Create"
          busy={createFolder.isPending}
          error={createFolder.isError ? messageOf(createFolder.error, 'Not created.') : undefined}
          onClose={close}
          onSubmit={(name) => {
            createFolder.mutate({ shareId, folderId: targetId, name }, { onSuccess: close });
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <NameDialog
          title={`Rename “${dialog.node.name}”`}
          initial={dialog.node.name}
          submitLabel="Rename"
          busy={rename.isPending}
          error={rename.isError ? messageOf(rename.error, 'Not renamed.') : undefined}
          onClose={close}
          onSubmit={(name) => {
            rename.mutate({ shareId, id: dialog.node.id, name }, { onSuccess: close });
          }}
        />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete “${dialog.node.name}”?`}
          confirmLabel="Delete"
          danger
          busy={remove.isPending}
          onCancel={close}
          onConfirm={() => {
            remove.mutate(
              { shareId, id: dialog.node.id },
              {
                onSettled: close,
                onError: (error) => {
                  notify('error', 'Not deleted', messageOf(error, 'Try again.'));
                },
              },
            );
          }}
        >
          <p>It goes to the trash of the person who shared it.</p>
        </ConfirmDialog>
      )}
      {dialog?.kind === 'preview' && (
        <PreviewDialog shareId={shareId} node={dialog.node} onClose={close} />
      )}
    </section>
  );
}

function PreviewDialog({
  shareId,
  node,
  onClose,
}: {
  shareId: string;
  node: SharedNode;
  onClose: () => void;
}) {
  const kind = previewKind(node.mimeType, node.name);
  const load = useCallback(() => getIncomingContent(shareId, node.id), [shareId, node.id]);
  return (
    <Dialog
      title={node.name}
      onClose={onClose}
      size="wide"
      footer={
        <Button
          onClick={() => {
            download(shareId, node);
          }}
        >
          Download
        </Button>
      }
    >
      {kind !== null && <FilePreview name={node.name} kind={kind} load={load} />}
    </Dialog>
  );
}

function NameDialog({
  title,
  initial,
  submitLabel,
  busy,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  initial: string;
  submitLabel: string;
  busy: boolean;
  error: string | undefined;
  onSubmit: (name: string) => void;
  onClose: () => void;
}) {
  const [name, setName] = useState(initial);
  function submit(event: SyntheticEvent) {
    event.preventDefault();
    onSubmit(name.trim());
  }
  return (
    <Dialog title={title} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <TextField
          label="Name"
          value={name}
          autoFocus
          onChange={(event) => {
            setName(event.target.value);
          }}
          error={error}
        />
        <div className="form__actions">
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" busy={busy} disabled={name.trim() === ''}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
