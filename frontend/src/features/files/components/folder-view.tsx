import { useEffect, useMemo, useRef, useState, type DragEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { FolderPlusIcon, UploadIcon } from '@/components/file-icons';
import { Menu } from '@/components/menu';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-client';
import { createFileActions } from '@/lib/file-openers';
import { notify } from '@/lib/notifications';
import { useFolderChildren } from '../api/get-folder-children';
import type { FolderSort, SortField, SortOrder } from '../api/node';
import type { ConflictPolicy } from '../api/upload-file';
import { useFileActions } from '../hooks/use-file-actions';
import { useSelection } from '../hooks/use-selection';
import { uploadQueue } from '../stores/upload-queue';
import {
  entriesOf,
  filesFromInput,
  readDroppedTree,
  type DroppedTree,
} from '../utils/collect-dropped';
import { describeError } from '../utils/describe-error';
import { filesPaths } from '../utils/paths';
import { Breadcrumbs } from './breadcrumbs';
import { FileTable } from './file-table';
import { ListToolbar } from './list-toolbar';
import { UploadConflictDialog } from './upload-conflict-dialog';

const sortFields: readonly SortField[] = ['name', 'size', 'modified'];

function sortFrom(params: URLSearchParams): FolderSort {
  const field = params.get('sort') as SortField | null;
  const order = params.get('order') as SortOrder | null;
  return {
    field: field !== null && sortFields.includes(field) ? field : 'name',
    order: order === 'desc' ? 'desc' : 'asc',
  };
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer.types).includes('Files');
}

/** A folder: its path, its contents, uploads into it (button, drop) and everything else on files. */
export function FolderView({ folderId }: { folderId: string }) {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const sort = sortFrom(params);
  const listing = useFolderChildren(folderId, sort);
  const nodes = useMemo(() => listing.data?.items ?? [], [listing.data]);
  const ids = useMemo(() => nodes.map((n) => n.id), [nodes]);
  const selection = useSelection(ids);
  const folder = listing.data?.folder;
  const path = listing.data?.breadcrumbs ?? [];
  const isRoot = path.length <= 1;
  const folderName = isRoot ? 'All files' : (folder?.name ?? '');
  const targetId = folder?.id ?? folderId;
  const { actions, element } = useFileActions({ currentFolderId: targetId });
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [conflict, setConflict] = useState<{ tree: DroppedTree; names: string[] } | null>(null);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);

  useEffect(() => {
    // Not in React's typings; lets the second picker choose whole folders.
    folderInput.current?.setAttribute('webkitdirectory', '');
  }, []);

  function upload(tree: DroppedTree) {
    if (tree.files.length === 0 && tree.folders.length === 0) {
      return;
    }
    const existing = new Set(nodes.filter((n) => n.type === 'file').map((n) => n.name));
    const names = tree.files
      .filter((f) => f.folders.length === 0 && existing.has(f.file.name))
      .map((f) => f.file.name);
    if (names.length > 0) {
      setConflict({ tree, names });
      return;
    }
    enqueue(tree, 'replace');
  }

  function enqueue(tree: DroppedTree, policy: ConflictPolicy) {
    uploadQueue.add(tree, targetId, policy);
  }

  function onPicked(files: FileList | null, input: HTMLInputElement | null) {
    const picked = Array.from(files ?? []);
    if (input !== null) {
      input.value = '';
    }
    upload(filesFromInput(picked));
  }

  const dropHandlers = {
    onDragEnter: (event: DragEvent<HTMLElement>) => {
      if (!hasFiles(event)) {
        return;
      }
      event.preventDefault();
      dragDepth.current++;
      setDragging(true);
    },
    onDragOver: (event: DragEvent<HTMLElement>) => {
      if (!hasFiles(event)) {
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    },
    onDragLeave: () => {
      dragDepth.current = Math.max(0, dragDepth.current - 1);
      if (dragDepth.current === 0) {
        setDragging(false);
      }
    },
    onDrop: (event: DragEvent<HTMLElement>) => {
      if (!hasFiles(event)) {
        return;
      }
      event.preventDefault();
      dragDepth.current = 0;
      setDragging(false);
      // The entries must be taken now; the DataTransfer is emptied after the event.
      const dropped = entriesOf(event.dataTransfer);
      readDroppedTree(dropped)
        .then(upload)
        .catch(() => {
          notify(
            'error',
            'The dropped items could not be read',
            'Try again, or use Upload to pick them.',
          );
        });
    },
  };

  if (listing.isError) {
    const gone = listing.error instanceof ApiError && listing.error.status === 404;
    return (
      <section className="files-view">
        <title>Files · Cloud Workspace</title>
        <h1 className="files-view__title">{gone ? 'Folder not found' : 'Files'}</h1>
        <Alert kind="error" title={gone ? undefined : 'The folder could not be loaded'}>
          {gone
            ? 'This folder does not exist any more. It may have been moved or deleted.'
            : describeError(listing.error, 'load')}
        </Alert>
        <div className="form__actions">
          {gone ? (
            <Link className="button button--primary" to={filesPaths.root}>
              Go to All files
            </Link>
          ) : (
            <Button
              onClick={() => {
                void listing.refetch();
              }}
              busy={listing.isFetching}
            >
              Try again
            </Button>
          )}
        </div>
      </section>
    );
  }

  return (
    <section
      className={dragging ? 'files-view files-view--dragging' : 'files-view'}
      aria-busy={listing.isPending || undefined}
      {...dropHandlers}
    >
      <title>{`${listing.isPending ? 'Files' : folderName} · Cloud Workspace`}</title>
      <header className="files-view__header">
        {listing.isPending ? (
          <h1 className="files-view__title">Files</h1>
        ) : (
          <Breadcrumbs path={path} />
        )}
        <div className="files-view__actions">
          <Button
            variant="secondary"
            disabled={listing.isPending}
            onClick={() => {
              actions.newFolder(targetId, folderName);
            }}
          >
            <FolderPlusIcon width={18} height={18} />
            New folder
          </Button>
          {createFileActions().length > 0 && (
            <Menu
              label="New"
              buttonClassName="button button--secondary"
              items={createFileActions().map((action) => ({
                label: action.label,
                disabled: listing.isPending,
                onSelect: () => {
                  action.create(targetId, { navigate: (to) => void navigate(to) });
                },
              }))}
            />
          )}
          <Menu
            label="Upload"
            buttonClassName="button button--primary"
            items={[
              { label: 'Upload files', onSelect: () => fileInput.current?.click() },
              { label: 'Upload a folder', onSelect: () => folderInput.current?.click() },
            ]}
          >
            <UploadIcon width={18} height={18} />
            Upload
          </Menu>
          <input
            ref={fileInput}
            type="file"
            multiple
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Upload files"
            onChange={(event) => {
              onPicked(event.target.files, event.target);
            }}
          />
          <input
            ref={folderInput}
            type="file"
            multiple
            className="visually-hidden"
            tabIndex={-1}
            aria-label="Upload a folder"
            onChange={(event) => {
              onPicked(event.target.files, event.target);
            }}
          />
        </div>
      </header>

      {listing.isPending ? (
        <div className="files-view__loading">
          <Spinner label="Loading the folder" />
        </div>
      ) : (
        <>
          <ListToolbar
            nodes={nodes}
            total={listing.data.total}
            selection={selection}
            actions={actions}
          />
          {nodes.length === 0 ? (
            <div className="empty-state">
              <UploadIcon width={40} height={40} />
              <p className="empty-state__title">This folder is empty</p>
              <p className="empty-state__text">
                Drop files or folders here, or use Upload and New folder.
              </p>
            </div>
          ) : (
            <FileTable
              nodes={nodes}
              label={`Contents of ${folderName}`}
              sort={{
                value: sort,
                onChange: (next) => {
                  setParams(
                    (current) => {
                      const updated = new URLSearchParams(current);
                      updated.set('sort', next.field);
                      updated.set('order', next.order);
                      return updated;
                    },
                    { replace: true },
                  );
                },
              }}
              selection={selection}
              onOpenFile={(node) => {
                actions.open(node, nodes);
              }}
              onToggleFavorite={actions.toggleFavorite}
              menuFor={(node) => actions.menuFor(node, nodes)}
              onKeyAction={(action, targets) => {
                const first = targets[0];
                if (action === 'delete') {
                  actions.remove(targets);
                } else if (first !== undefined) {
                  actions.rename(first);
                }
              }}
            />
          )}
          {listing.hasNextPage && (
            <div className="files-view__more">
              <Button
                variant="secondary"
                busy={listing.isFetchingNextPage}
                onClick={() => {
                  void listing.fetchNextPage();
                }}
              >
                Show more ({nodes.length} of {listing.data.total} shown)
              </Button>
            </div>
          )}
        </>
      )}

      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <UploadIcon width={40} height={40} />
          <p>Drop to upload to “{folderName || 'this folder'}”</p>
        </div>
      )}
      {conflict !== null && (
        <UploadConflictDialog
          names={conflict.names}
          onCancel={() => {
            setConflict(null);
          }}
          onChoose={(policy) => {
            enqueue(conflict.tree, policy);
            setConflict(null);
          }}
        />
      )}
      {element}
    </section>
  );
}
