import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { ConfirmDialog } from '@/components/confirm-dialog';
import {
  DownloadIcon,
  EyeIcon,
  FolderIcon,
  InfoCircleIcon,
  MoveIcon,
  PencilIcon,
  TrashIcon,
} from '@/components/file-icons';
import type { MenuItem } from '@/components/menu';
import { fileOpenersFor, primaryOpenerFor } from '@/lib/file-openers';
import { notify } from '@/lib/notifications';
import { deleteNode } from '../api/delete-node';
import { getContentBlob } from '../api/download-content';
import { getFolderZip } from '../api/download-folder-zip';
import { filesKeys, type FileNode } from '../api/node';
import { restoreTrashItem } from '../api/restore-trash-item';
import { setFavorite } from '../api/set-favorite';
import { DetailsPanel } from '../components/details-panel';
import { MoveCopyDialog } from '../components/move-copy-dialog';
import { NewFolderDialog } from '../components/new-folder-dialog';
import { PreviewDialog } from '../components/preview-dialog';
import { RenameDialog } from '../components/rename-dialog';
import { offerUndo } from '../stores/undo';
import { useFileExtensions } from '../extensions';
import { describeError } from '../utils/describe-error';
import { canPreview } from '../utils/file-kind';
import { plural } from '../utils/format';
import { patchNodeInCache } from '../utils/patch-cache';
import { filesPaths } from '../utils/paths';
import { saveBlob } from '../utils/save-blob';
import { settleEach } from '../utils/settle';

type DialogState =
  | { kind: 'new-folder'; parentId: string; parentName: string }
  | { kind: 'rename'; node: FileNode }
  | { kind: 'move'; nodes: FileNode[]; startFolderId: string }
  | { kind: 'delete'; nodes: FileNode[] };

export interface FileActions {
  /** Folders open; files show their preview, or download when there is none. */
  open: (node: FileNode, list: readonly FileNode[]) => void;
  preview: (node: FileNode, list: readonly FileNode[]) => void;
  details: (node: FileNode) => void;
  rename: (node: FileNode) => void;
  moveOrCopy: (nodes: FileNode[]) => void;
  remove: (nodes: FileNode[]) => void;
  download: (nodes: readonly FileNode[]) => void;
  toggleFavorite: (node: FileNode) => void;
  newFolder: (parentId: string, parentName: string) => void;
  menuFor: (node: FileNode, list: readonly FileNode[]) => MenuItem[];
}

function subjectOf(nodes: readonly FileNode[]): string {
  return nodes.length === 1 ? `“${nodes[0]?.name ?? ''}”` : plural(nodes.length, 'item');
}

/**
 * Everything that can be done to files, with the dialogs, preview and details panel it needs.
 * Views render `element` once and call the actions from their lists and toolbars.
 */
export function useFileActions({
  currentFolderId,
}: {
  /** The folder shown, if the view is a folder (hides "Show in folder"). */
  currentFolderId?: string | undefined;
} = {}): { actions: FileActions; element: ReactNode } {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<DialogState | null>(null);
  const [preview, setPreview] = useState<{ node: FileNode; list: readonly FileNode[] } | null>(
    null,
  );
  const [details, setDetails] = useState<FileNode | null>(null);
  const [deleting, setDeleting] = useState(false);
  const extensions = useFileExtensions();

  const download = useCallback((nodes: readonly FileNode[]) => {
    void (async () => {
      for (const node of nodes) {
        try {
          if (node.type === 'folder') {
            notify(
              'info',
              `Preparing “${node.name}.zip”…`,
              'The download starts when it is ready.',
            );
            saveBlob(await getFolderZip(node.id), `${node.name}.zip`);
          } else {
            saveBlob(await getContentBlob(node.id), node.name);
          }
        } catch (error) {
          notify('error', 'Download failed', describeError(error, 'download', { name: node.name }));
        }
      }
    })();
  }, []);

  const toggleFavorite = useCallback(
    (node: FileNode) => {
      const favorite = !node.favorite;
      patchNodeInCache(queryClient, node.id, { favorite });
      setFavorite({ id: node.id, favorite })
        .catch((error: unknown) => {
          patchNodeInCache(queryClient, node.id, { favorite: node.favorite });
          notify(
            'error',
            favorite ? 'Not added to favourites' : 'Not removed from favourites',
            describeError(error, 'favorite', { name: node.name }),
          );
        })
        .finally(() => {
          void queryClient.invalidateQueries({ queryKey: filesKeys.all });
        });
    },
    [queryClient],
  );

  const open = useCallback(
    (node: FileNode, list: readonly FileNode[]) => {
      const opener = node.type === 'file' ? primaryOpenerFor(node) : undefined;
      if (node.type === 'folder') {
        void navigate(filesPaths.folder(node.id));
      } else if (opener !== undefined) {
        opener.open(node, { navigate: (to) => void navigate(to) });
      } else if (canPreview(node)) {
        setPreview({ node, list });
      } else {
        download([node]);
      }
    },
    [navigate, download],
  );

  const actions: FileActions = {
    open,
    preview: (node, list) => {
      setPreview({ node, list });
    },
    details: setDetails,
    rename: (node) => {
      setDialog({ kind: 'rename', node });
    },
    moveOrCopy: (nodes) => {
      const startFolderId = currentFolderId ?? nodes[0]?.parentId ?? 'root';
      setDialog({ kind: 'move', nodes, startFolderId });
    },
    remove: (nodes) => {
      if (nodes.length > 0) {
        setDialog({ kind: 'delete', nodes });
      }
    },
    download,
    toggleFavorite,
    newFolder: (parentId, parentName) => {
      setDialog({ kind: 'new-folder', parentId, parentName });
    },
    menuFor: (node, list) => {
      const items: MenuItem[] = [];
      if (node.type === 'file') {
        // Ways other features offer to open the file (document editor, text editor).
        for (const opener of fileOpenersFor(node)) {
          items.push({
            label: opener.label,
            icon: PencilIcon,
            onSelect: () => {
              opener.open(node, { navigate: (to) => void navigate(to) });
            },
          });
        }
      }
      if (node.type === 'file' && canPreview(node)) {
        items.push({
          label: 'Preview',
          icon: EyeIcon,
          onSelect: () => {
            setPreview({ node, list });
          },
        });
      }
      items.push({
        label: node.type === 'file' ? 'Details and versions' : 'Details',
        icon: InfoCircleIcon,
        onSelect: () => {
          setDetails(node);
        },
      });
      if (currentFolderId === undefined) {
        items.push({
          label: 'Show in folder',
          icon: FolderIcon,
          onSelect: () => void navigate(filesPaths.folder(node.parentId)),
        });
      }
      items.push(
        {
          label: node.type === 'folder' ? 'Download as zip' : 'Download',
          icon: DownloadIcon,
          onSelect: () => {
            download([node]);
          },
        },
        {
          label: 'Rename',
          icon: PencilIcon,
          onSelect: () => {
            setDialog({ kind: 'rename', node });
          },
        },
        {
          label: 'Move or copy',
          icon: MoveIcon,
          onSelect: () => {
            setDialog({
              kind: 'move',
              nodes: [node],
              startFolderId: currentFolderId ?? node.parentId ?? 'root',
            });
          },
        },
        ...(extensions.menuItems?.(node) ?? []),
        {
          label: 'Delete',
          icon: TrashIcon,
          danger: true,
          onSelect: () => {
            setDialog({ kind: 'delete', nodes: [node] });
          },
        },
      );
      return items;
    },
  };

  async function confirmDelete(nodes: FileNode[]) {
    setDeleting(true);
    const result = await settleEach(nodes, (node) => deleteNode(node.id));
    setDeleting(false);
    setDialog(null);
    await queryClient.invalidateQueries({ queryKey: filesKeys.all });
    const deleted = result.succeeded.map((s) => s.item);
    if (details !== null && deleted.some((n) => n.id === details.id)) {
      setDetails(null);
    }
    if (deleted.length > 0) {
      offerUndo(`Moved ${subjectOf(deleted)} to the trash`, async () => {
        // Items in the trash keep the id they had (DELETE /api/files/{id} → /trash/{id}).
        const restored = await settleEach(deleted, (node) => restoreTrashItem({ id: node.id }));
        await queryClient.invalidateQueries({ queryKey: filesKeys.all });
        if (restored.failed.length > 0) {
          throw new Error(`${plural(restored.failed.length, 'item')} could not be restored.`);
        }
      });
    }
    for (const { item, error } of result.failed) {
      notify('error', 'Not deleted', describeError(error, 'delete', { name: item.name }));
    }
  }

  const close = () => {
    setDialog(null);
  };

  const element = (
    <>
      {dialog?.kind === 'new-folder' && (
        <NewFolderDialog
          parentId={dialog.parentId}
          parentName={dialog.parentName}
          onClose={close}
          onCreated={(folder) => {
            notify('success', `Created the folder “${folder.name}”`);
          }}
        />
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          node={dialog.node}
          onClose={close}
          onRenamed={(renamed) => {
            if (details?.id === renamed.id) {
              setDetails(renamed);
            }
          }}
        />
      )}
      {dialog?.kind === 'move' && (
        <MoveCopyDialog nodes={dialog.nodes} startFolderId={dialog.startFolderId} onClose={close} />
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete ${subjectOf(dialog.nodes)}?`}
          confirmLabel="Move to trash"
          danger
          busy={deleting}
          onCancel={close}
          onConfirm={() => {
            void confirmDelete(dialog.nodes);
          }}
        >
          <p>
            {dialog.nodes.length === 1 ? 'It goes' : 'They go'} to the trash, where you can restore{' '}
            {dialog.nodes.length === 1 ? 'it' : 'them'} until the trash is emptied.
          </p>
          {dialog.nodes.length > 1 && (
            <ul className="conflict-list">
              {dialog.nodes.slice(0, 5).map((node) => (
                <li key={node.id}>{node.name}</li>
              ))}
              {dialog.nodes.length > 5 && <li>and {dialog.nodes.length - 5} more</li>}
            </ul>
          )}
        </ConfirmDialog>
      )}
      {preview !== null && (
        <PreviewDialog
          node={preview.node}
          siblings={preview.list}
          onNavigate={(node) => {
            setPreview({ node, list: preview.list });
          }}
          onDownload={(node) => {
            download([node]);
          }}
          onClose={() => {
            setPreview(null);
          }}
        />
      )}
      {details !== null && (
        <DetailsPanel
          key={details.id}
          node={details}
          onClose={() => {
            setDetails(null);
          }}
          onPreview={(node) => {
            setPreview({ node, list: [node] });
          }}
          onDownload={(node) => {
            download([node]);
          }}
          onRename={(node) => {
            setDialog({ kind: 'rename', node });
          }}
          onToggleFavorite={toggleFavorite}
        />
      )}
    </>
  );

  return { actions, element };
}
