import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState, type DragEvent, type SyntheticEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { DownloadIcon, FileIcon, FolderIcon, UploadIcon } from '@/components/file-icons';
import { Logo } from '@/components/logo';
import { ProgressBar } from '@/components/progress-bar';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-error';
import {
  dropFile,
  fetchPublic,
  getPublicChildren,
  getPublicInfo,
  publicContentUrl,
  publicZipUrl,
  unlockLink,
} from '../api/public-link';
import type { PublicInfo, SharedNode } from '../api/schemas';
import { messageOf } from '../utils/errors';
import { formatDay, formatSize, previewKind } from '../utils/format';
import { FilePreview } from './file-preview';

const publicKey = (token: string) => ['public-link', token] as const;

/**
 * The page a public link opens, for anyone, signed in or not: the password prompt when the link
 * has one; then the shared file (preview, download), the shared folder (browse, preview,
 * download, zip), or for a file drop an upload area that lists nothing of the folder.
 */
export function PublicSharePage({ token }: { token: string }) {
  const info = useQuery({
    queryKey: publicKey(token),
    queryFn: ({ signal }) => getPublicInfo(token, signal),
    retry: false,
  });
  return (
    <div className="public-share">
      <header className="public-share__header">
        <Logo />
      </header>
      <main className="public-share__main">
        {info.isPending ? (
          <Spinner label="Opening the link" />
        ) : info.isError ? (
          <LinkError error={info.error} />
        ) : !info.data.unlocked ? (
          <PasswordPrompt token={token} />
        ) : (
          <Unlocked token={token} info={info.data} />
        )}
      </main>
    </div>
  );
}

function LinkError({ error }: { error: unknown }) {
  const gone = error instanceof ApiError && error.status === 404;
  return (
    <section className="public-share__panel">
      <title>Link not available · Cloud Workspace</title>
      <h1 className="public-share__title">
        {gone ? 'This link does not work' : 'Something went wrong'}
      </h1>
      <Alert kind="error">
        {gone
          ? 'The link does not exist or no longer works: it may have been removed or have expired. Ask the person who sent it for a new one.'
          : messageOf(error, 'The link could not be opened. Try again.')}
      </Alert>
    </section>
  );
}

function PasswordPrompt({ token }: { token: string }) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    unlockLink(token, password)
      .then(() => queryClient.invalidateQueries({ queryKey: publicKey(token) }))
      .catch((failure: unknown) => {
        setError(
          failure instanceof ApiError && failure.status === 403
            ? 'That password is not correct.'
            : messageOf(failure, 'The link could not be unlocked. Try again.'),
        );
      })
      .finally(() => {
        setBusy(false);
      });
  }

  return (
    <section className="public-share__panel">
      <title>Password required · Cloud Workspace</title>
      <h1 className="public-share__title">This link is protected</h1>
      <p>Enter the password you were given to open it.</p>
      <form className="form" onSubmit={submit}>
        <TextField
          label="Password"
          type="password"
          autoComplete="off"
          autoFocus
          value={password}
          onChange={(event) => {
            setPassword(event.target.value);
          }}
          error={error}
        />
        <div className="form__actions">
          <Button type="submit" busy={busy} disabled={password === ''}>
            Open
          </Button>
        </div>
      </form>
    </section>
  );
}

function Unlocked({ token, info }: { token: string; info: PublicInfo }) {
  const node = info.node;
  if (node === null) {
    return null;
  }
  return (
    <section className="public-share__panel public-share__panel--wide">
      <title>{`${node.name} · Cloud Workspace`}</title>
      <p className="public-share__by">
        {info.sharedBy === null ? 'Shared with you' : `Shared by ${info.sharedBy}`}
        {info.expiresAt !== null && ` · available until ${formatDay(info.expiresAt)}`}
      </p>
      {info.permission === 'upload' ? (
        <FileDrop token={token} folderName={node.name} />
      ) : node.type === 'file' ? (
        <SharedFileView token={token} node={node} />
      ) : (
        <SharedFolderBrowser token={token} root={node} />
      )}
    </section>
  );
}

function SharedFileView({ token, node }: { token: string; node: SharedNode }) {
  const kind = previewKind(node.mimeType, node.name);
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchPublic(publicContentUrl(token, 'root', true), signal).then((r) => r.blob()),
    [token],
  );
  return (
    <>
      <h1 className="public-share__title">{node.name}</h1>
      <p className="share-row__meta">{formatSize(node.size)}</p>
      <div className="form__actions">
        <a className="button button--primary" href={publicContentUrl(token, 'root')} download>
          <DownloadIcon width={18} height={18} />
          Download
        </a>
      </div>
      {kind !== null && (
        <div className="public-share__preview">
          <FilePreview name={node.name} kind={kind} load={load} />
        </div>
      )}
    </>
  );
}

function SharedFolderBrowser({ token, root }: { token: string; root: SharedNode }) {
  const [folderId, setFolderId] = useState('root');
  const [preview, setPreview] = useState<SharedNode | null>(null);
  const listing = useQuery({
    queryKey: [...publicKey(token), 'children', folderId],
    queryFn: ({ signal }) => getPublicChildren(token, folderId, signal),
    retry: false,
  });
  return (
    <>
      <h1 className="public-share__title">{root.name}</h1>
      <div className="form__actions">
        <a className="button button--secondary" href={publicZipUrl(token, 'root')} download>
          <DownloadIcon width={18} height={18} />
          Download all (zip)
        </a>
      </div>
      {listing.isPending ? (
        <Spinner label="Loading the folder" />
      ) : listing.isError ? (
        <Alert kind="error">{messageOf(listing.error, 'The folder could not be loaded.')}</Alert>
      ) : (
        <>
          <nav aria-label="Breadcrumbs" className="breadcrumbs">
            <ol className="breadcrumbs__list">
              {listing.data.breadcrumbs.map((crumb, index) => (
                <li key={crumb.id} className="breadcrumbs__item">
                  {index === listing.data.breadcrumbs.length - 1 ? (
                    <span aria-current="page">{crumb.name}</span>
                  ) : (
                    <button
                      type="button"
                      className="file-name__link"
                      onClick={() => {
                        setFolderId(index === 0 ? 'root' : crumb.id);
                      }}
                    >
                      {crumb.name}
                    </button>
                  )}
                </li>
              ))}
            </ol>
          </nav>
          {listing.data.items.length === 0 ? (
            <p className="share-section__empty">This folder is empty.</p>
          ) : (
            <table className="file-table" aria-label={`Files in ${listing.data.folder.name}`}>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col" className="file-table__size">
                    Size
                  </th>
                  <th scope="col">
                    <span className="visually-hidden">Download</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {listing.data.items.map((node) => (
                  <tr key={node.id} className="file-row">
                    <td className="file-table__name">
                      <div className="file-name">
                        {node.type === 'folder' ? (
                          <FolderIcon width={20} height={20} />
                        ) : (
                          <FileIcon width={20} height={20} />
                        )}
                        <button
                          type="button"
                          className="file-name__link"
                          onClick={() => {
                            if (node.type === 'folder') {
                              setFolderId(node.id);
                            } else {
                              setPreview(node);
                            }
                          }}
                        >
                          {node.name}
                        </button>
                      </div>
                    </td>
                    <td className="file-table__size">
                      {node.type === 'folder' ? '—' : formatSize(node.size)}
                    </td>
                    <td>
                      <a
                        className="button button--ghost"
                        href={
                          node.type === 'folder'
                            ? publicZipUrl(token, node.id)
                            : publicContentUrl(token, node.id)
                        }
                        download
                        aria-label={`Download ${node.name}`}
                      >
                        <DownloadIcon width={18} height={18} />
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {preview !== null && (
        <PublicPreviewDialog
          token={token}
          node={preview}
          onClose={() => {
            setPreview(null);
          }}
        />
      )}
    </>
  );
}

function PublicPreviewDialog({
  token,
  node,
  onClose,
}: {
  token: string;
  node: SharedNode;
  onClose: () => void;
}) {
  const kind = previewKind(node.mimeType, node.name);
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchPublic(publicContentUrl(token, node.id, true), signal).then((r) => r.blob()),
    [token, node.id],
  );
  return (
    <Dialog
      title={node.name}
      onClose={onClose}
      size="wide"
      footer={
        <a className="button button--primary" href={publicContentUrl(token, node.id)} download>
          <DownloadIcon width={18} height={18} />
          Download
        </a>
      }
    >
      {kind === null ? (
        <p>There is no preview of this kind of file. Download it to open it.</p>
      ) : (
        <FilePreview name={node.name} kind={kind} load={load} />
      )}
    </Dialog>
  );
}

interface Drop {
  id: number;
  name: string;
  loaded: number;
  total: number;
  state: 'uploading' | 'done' | 'failed';
  message?: string;
}

/** The upload area of a file drop: the files go in, nothing of the folder comes out. */
function FileDrop({ token, folderName }: { token: string; folderName: string }) {
  const [drops, setDrops] = useState<Drop[]>([]);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const nextId = useRef(1);

  function update(id: number, change: Partial<Drop>) {
    setDrops((all) => all.map((d) => (d.id === id ? { ...d, ...change } : d)));
  }

  function send(files: File[]) {
    for (const file of files) {
      const id = nextId.current++;
      setDrops((all) => [
        ...all,
        { id, name: file.name, loaded: 0, total: file.size, state: 'uploading' },
      ]);
      const upload = dropFile(token, file, (loaded, total) => {
        update(id, { loaded, total });
      });
      upload.done
        .then((stored) => {
          update(id, {
            state: 'done',
            loaded: file.size,
            message: stored === file.name ? 'Uploaded' : `Uploaded as “${stored}”`,
          });
        })
        .catch((error: unknown) => {
          update(id, { state: 'failed', message: messageOf(error, 'The upload failed.') });
        });
    }
  }

  return (
    <>
      <h1 className="public-share__title">Upload files to “{folderName}”</h1>
      <p>
        The files you upload go to the person who shared this link. You cannot see what others
        uploaded.
      </p>
      <div
        className={dragging ? 'drop-zone drop-zone--active' : 'drop-zone'}
        onDragOver={(event: DragEvent) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => {
          setDragging(false);
        }}
        onDrop={(event: DragEvent) => {
          event.preventDefault();
          setDragging(false);
          send(Array.from(event.dataTransfer.files));
        }}
      >
        <UploadIcon width={36} height={36} />
        <p>Drop files here, or</p>
        <Button onClick={() => input.current?.click()}>Choose files</Button>
        <input
          ref={input}
          type="file"
          multiple
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Choose files to upload"
          onChange={(event) => {
            send(Array.from(event.target.files ?? []));
            event.target.value = '';
          }}
        />
      </div>
      {drops.length > 0 && (
        <ul className="share-list" aria-label="Uploads">
          {drops.map((drop) => (
            <li key={drop.id} className="share-row">
              <span className="share-row__who">{drop.name}</span>
              <ProgressBar
                value={drop.loaded}
                max={Math.max(1, drop.total)}
                label={`Upload of ${drop.name}`}
                tone={
                  drop.state === 'failed' ? 'danger' : drop.state === 'done' ? 'success' : 'normal'
                }
                size="small"
              />
              <span className="share-row__meta" role="status">
                {drop.state === 'uploading'
                  ? `${formatSize(drop.loaded)} of ${formatSize(drop.total)}`
                  : drop.message}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
