import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent } from 'react';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import {
  ChevronRightIcon,
  DownloadIcon,
  FileIcon,
  FolderIcon,
  FolderPlusIcon,
  PencilIcon,
  RetryIcon,
  TrashIcon,
  UploadIcon,
} from '@/components/file-icons';
import { Spinner } from '@/components/spinner';
import { notify } from '@/lib/notifications';
import { createFolder } from '../api/create-folder';
import { deletePath } from '../api/delete-path';
import { downloadPath } from '../api/download-path';
import { useFolder } from '../api/list-folder';
import { movePath } from '../api/move-path';
import { ideKeys, type FileEntry } from '../api/workspace';
import { writeFile } from '../api/write-file';
import { baseName, join, parentOf } from '../lib/languages';
import { PathDialog } from './path-dialog';

interface Selection {
  path: string;
  type: FileEntry['type'];
}

type PathAction = 'new-file' | 'new-folder' | 'rename';

/** The workspace folder as a tree: open files, create, rename or move, delete, upload, download. */
export function FileTree({
  workspaceId,
  onOpen,
  onRenamed,
  onDeleted,
}: {
  workspaceId: string;
  onOpen: (path: string) => void;
  onRenamed: (from: string, to: string) => void;
  onDeleted: (path: string) => void;
}) {
  const queryClient = useQueryClient();
  const [selection, setSelection] = useState<Selection | null>(null);
  const [action, setAction] = useState<PathAction | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const upload = useRef<HTMLInputElement>(null);

  const refresh = () => queryClient.invalidateQueries({ queryKey: ideKeys.files(workspaceId) });
  const folder =
    selection === null
      ? ''
      : selection.type === 'folder'
        ? selection.path
        : parentOf(selection.path);

  const runAction = async (path: string) => {
    if (action === 'new-folder') {
      await createFolder(workspaceId, path);
    } else if (action === 'new-file') {
      await writeFile({ workspaceId, path, content: '', createOnly: true });
      onOpen(path);
    } else if (action === 'rename' && selection !== null) {
      await movePath(workspaceId, selection.path, path);
      onRenamed(selection.path, path);
      setSelection({ ...selection, path });
    }
    await refresh();
  };

  const uploadFiles = async (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = '';
    for (const file of files) {
      try {
        await writeFile({ workspaceId, path: join(folder, file.name), content: file });
      } catch (error) {
        notify('error', `${file.name} was not uploaded`, (error as Error).message);
      }
    }
    if (files.length > 0) {
      notify('success', `Uploaded ${files.length} file${files.length === 1 ? '' : 's'}`);
    }
    await refresh();
  };

  return (
    <div className="ide-tree" aria-label="Files">
      <div className="ide-tree__toolbar" role="toolbar" aria-label="File actions">
        <Button
          variant="ghost"
          title="New file"
          aria-label="New file"
          onClick={() => {
            setAction('new-file');
          }}
        >
          <FileIcon />
        </Button>
        <Button
          variant="ghost"
          title="New folder"
          aria-label="New folder"
          onClick={() => {
            setAction('new-folder');
          }}
        >
          <FolderPlusIcon />
        </Button>
        <Button
          variant="ghost"
          title="Upload files"
          aria-label="Upload files"
          onClick={() => upload.current?.click()}
        >
          <UploadIcon />
        </Button>
        <Button
          variant="ghost"
          title="Rename or move"
          aria-label="Rename or move"
          disabled={selection === null}
          onClick={() => {
            setAction('rename');
          }}
        >
          <PencilIcon />
        </Button>
        <Button
          variant="ghost"
          title="Download"
          aria-label="Download"
          disabled={selection === null}
          onClick={() => {
            if (selection !== null) {
              downloadPath(workspaceId, selection.path).catch((error: unknown) => {
                notify('error', 'Download failed', (error as Error).message);
              });
            }
          }}
        >
          <DownloadIcon />
        </Button>
        <Button
          variant="ghost"
          title="Delete"
          aria-label="Delete"
          disabled={selection === null}
          onClick={() => {
            setConfirmDelete(true);
          }}
        >
          <TrashIcon />
        </Button>
        <Button variant="ghost" title="Refresh" aria-label="Refresh" onClick={() => void refresh()}>
          <RetryIcon />
        </Button>
        <input
          ref={upload}
          type="file"
          multiple
          hidden
          onChange={(event) => void uploadFiles(event)}
        />
      </div>
      <ul className="ide-tree__list" role="tree" aria-label="Workspace folder">
        <FolderChildren
          workspaceId={workspaceId}
          path=""
          depth={0}
          selected={selection?.path ?? null}
          onSelect={setSelection}
          onOpen={onOpen}
        />
      </ul>
      {action !== null && (
        <PathDialog
          title={
            action === 'new-file'
              ? 'New file'
              : action === 'new-folder'
                ? 'New folder'
                : 'Rename or move'
          }
          label={action === 'rename' ? 'New path' : 'Path'}
          initial={action === 'rename' && selection !== null ? selection.path : join(folder, '')}
          confirmLabel={action === 'rename' ? 'Rename' : 'Create'}
          onSubmit={runAction}
          onClose={() => {
            setAction(null);
          }}
        />
      )}
      {confirmDelete && selection !== null && (
        <ConfirmDialog
          title={`Delete ${baseName(selection.path)}?`}
          confirmLabel="Delete"
          danger
          busy={deleting}
          onCancel={() => {
            setConfirmDelete(false);
          }}
          onConfirm={() => {
            setDeleting(true);
            deletePath(workspaceId, selection.path)
              .then(() => {
                onDeleted(selection.path);
                setSelection(null);
                return refresh();
              })
              .catch((error: unknown) => {
                notify('error', 'Not deleted', (error as Error).message);
              })
              .finally(() => {
                setDeleting(false);
                setConfirmDelete(false);
              });
          }}
        >
          {selection.type === 'folder'
            ? 'The folder and everything in it are deleted for good.'
            : 'The file is deleted for good.'}
        </ConfirmDialog>
      )}
    </div>
  );
}

function FolderChildren({
  workspaceId,
  path,
  depth,
  selected,
  onSelect,
  onOpen,
}: {
  workspaceId: string;
  path: string;
  depth: number;
  selected: string | null;
  onSelect: (selection: Selection) => void;
  onOpen: (path: string) => void;
}) {
  const folder = useFolder(workspaceId, path);
  if (folder.isPending) {
    return (
      <li className="ide-tree__item" style={{ paddingLeft: `${depth * 14 + 8}px` }}>
        <Spinner size="small" label="Loading…" />
      </li>
    );
  }
  if (folder.isError) {
    return (
      <li className="ide-tree__item ide-tree__error" style={{ paddingLeft: `${depth * 14 + 8}px` }}>
        {folder.error.message}
      </li>
    );
  }
  return (
    <>
      {folder.data.map((entry) => (
        <TreeEntry
          key={entry.path}
          workspaceId={workspaceId}
          entry={entry}
          depth={depth}
          selected={selected}
          onSelect={onSelect}
          onOpen={onOpen}
        />
      ))}
    </>
  );
}

function TreeEntry({
  workspaceId,
  entry,
  depth,
  selected,
  onSelect,
  onOpen,
}: {
  workspaceId: string;
  entry: FileEntry;
  depth: number;
  selected: string | null;
  onSelect: (selection: Selection) => void;
  onOpen: (path: string) => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const isFolder = entry.type === 'folder';
  return (
    <li
      role="treeitem"
      aria-expanded={isFolder ? expanded : undefined}
      aria-selected={selected === entry.path}
    >
      <button
        type="button"
        className={`ide-tree__item${selected === entry.path ? ' ide-tree__item--selected' : ''}`}
        style={{ paddingLeft: `${depth * 14 + 8}px` }}
        data-path={entry.path}
        onClick={() => {
          onSelect({ path: entry.path, type: entry.type });
          if (isFolder) {
            setExpanded(!expanded);
          } else if (entry.type === 'file') {
            onOpen(entry.path);
          }
        }}
      >
        {isFolder ? (
          <ChevronRightIcon
            className={`ide-tree__chevron${expanded ? ' ide-tree__chevron--open' : ''}`}
          />
        ) : (
          <span className="ide-tree__spacer" />
        )}
        {isFolder ? <FolderIcon /> : <FileIcon />}
        <span className="ide-tree__name">{entry.name}</span>
      </button>
      {isFolder && expanded && (
        <ul role="group" className="ide-tree__list">
          <FolderChildren
            workspaceId={workspaceId}
            path={entry.path}
            depth={depth + 1}
            selected={selected}
            onSelect={onSelect}
            onOpen={onOpen}
          />
        </ul>
      )}
    </li>
  );
}
