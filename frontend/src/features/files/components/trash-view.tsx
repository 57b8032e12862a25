import { useMemo, useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Dialog } from '@/components/dialog';
import { FolderIcon, MoreIcon, RestoreIcon, TrashIcon } from '@/components/file-icons';
import { Menu } from '@/components/menu';
import { PageHeader } from '@/components/page-header';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { notify } from '@/lib/notifications';
import { useDeleteTrashItem } from '../api/delete-trash-item';
import { useEmptyTrash } from '../api/empty-trash';
import { useTrash, type TrashItem } from '../api/get-trash';
import { ROOT_FOLDER_ID } from '../api/node';
import { useRestoreTrashItem } from '../api/restore-trash-item';
import { describeError } from '../utils/describe-error';
import { formatBytes, formatModified, plural } from '../utils/format';
import { formatFolderPath, parentPathOf } from '../utils/paths';
import { FolderPicker, usePickedFolder } from './folder-picker';
import { NodeIcon } from './node-icon';

/** Where the item was: "/Projects/2025/plan.md" → "All files / Projects / 2025". */
function originalFolder(item: TrashItem): string {
  const parent = parentPathOf(item.originalPath, item.name);
  return parent === null ? 'Unknown' : formatFolderPath(parent);
}

/** Picks a folder for an item whose original folder is gone (or on request). */
function RestoreToDialog({
  item,
  reason,
  onClose,
}: {
  item: TrashItem;
  reason: string | null;
  onClose: () => void;
}) {
  const restore = useRestoreTrashItem();
  const [folderId, setFolderId] = useState(ROOT_FOLDER_ID);
  const [error, setError] = useState<string | null>(null);
  const destination = usePickedFolder(folderId);
  return (
    <Dialog
      title={`Restore “${item.name}” to…`}
      onClose={onClose}
      dismissable={!restore.isPending}
      size="wide"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={restore.isPending}>
            Cancel
          </Button>
          <Button
            busy={restore.isPending}
            disabled={destination === null}
            onClick={() => {
              if (destination === null) {
                return;
              }
              setError(null);
              restore.mutate(
                { id: item.id, parentId: destination.id },
                {
                  onSuccess: () => {
                    notify('success', `Restored “${item.name}” to “${destination.name}”`);
                    onClose();
                  },
                  onError: (cause) => {
                    setError(
                      describeError(
                        cause,
                        cause instanceof ApiError && cause.status === 409 ? 'copy' : 'restore',
                        {
                          name: item.name,
                          destination: destination.name,
                        },
                      ),
                    );
                  },
                },
              );
            }}
          >
            {destination === null ? 'Restore' : `Restore to “${destination.name}”`}
          </Button>
        </>
      }
    >
      {reason !== null && <Alert kind="info">{reason}</Alert>}
      {error !== null && <Alert kind="error">{error}</Alert>}
      <FolderPicker folderId={folderId} onNavigate={setFolderId} />
    </Dialog>
  );
}

/** What was deleted: restore it, delete it for good, or empty the trash. */
export function TrashView() {
  const trash = useTrash();
  const restore = useRestoreTrashItem();
  const deleteItem = useDeleteTrashItem();
  const emptyTrash = useEmptyTrash();
  const [confirm, setConfirm] = useState<
    { kind: 'empty' } | { kind: 'delete'; item: TrashItem } | null
  >(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [restoreTo, setRestoreTo] = useState<{ item: TrashItem; reason: string | null } | null>(
    null,
  );
  const items = useMemo(
    () => [...(trash.data ?? [])].sort((a, b) => b.trashedAt.localeCompare(a.trashedAt)),
    [trash.data],
  );
  const totalBytes = items.reduce((sum, i) => sum + i.size, 0);

  function restoreItem(item: TrashItem) {
    restore.mutate(
      { id: item.id },
      {
        onSuccess: () => {
          notify('success', `Restored “${item.name}”`, `Back in “${originalFolder(item)}”.`);
        },
        onError: (error) => {
          // The original folder is gone (404) or its place is taken (409): let the person choose.
          if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
            setRestoreTo({
              item,
              reason:
                error.status === 404
                  ? `The folder “${originalFolder(item)}” no longer exists. Choose where to restore “${item.name}”.`
                  : `${error.detail ?? `Something named “${item.name}” is already in its original folder.`} Choose another folder.`,
            });
          } else {
            notify('error', 'Not restored', describeError(error, 'restore', { name: item.name }));
          }
        },
      },
    );
  }

  let body;
  if (trash.isPending) {
    body = (
      <div className="files-view__loading">
        <Spinner label="Loading the trash" />
      </div>
    );
  } else if (trash.isError) {
    body = (
      <Alert kind="error" title="The trash could not be loaded">
        {describeError(trash.error, 'load')}
      </Alert>
    );
  } else if (items.length === 0) {
    body = (
      <div className="empty-state">
        <TrashIcon width={40} height={40} />
        <p className="empty-state__title">The trash is empty</p>
        <p className="empty-state__text">
          Deleted files and folders wait here until they are restored or deleted for good.
        </p>
      </div>
    );
  } else {
    body = (
      <>
        <div className="list-toolbar">
          <p className="list-toolbar__summary">
            {plural(items.length, 'item')} · {formatBytes(totalBytes)}
          </p>
        </div>
        <div className="file-table-wrapper">
          <table className="file-table" aria-label="Deleted items">
            <thead>
              <tr>
                <th scope="col" className="file-table__name">
                  Name
                </th>
                <th scope="col" className="file-table__location">
                  Original location
                </th>
                <th scope="col" className="file-table__modified">
                  Deleted
                </th>
                <th scope="col" className="file-table__size">
                  Size
                </th>
                <th scope="col" className="file-table__row-actions">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => {
                const restoring = restore.isPending && restore.variables.id === item.id;
                return (
                  <tr key={item.id} className="file-row" data-id={item.id}>
                    <td className="file-table__name">
                      <div className="file-name">
                        <NodeIcon node={{ type: item.type, name: item.name, mimeType: null }} />
                        <span className="file-name__text">{item.name}</span>
                      </div>
                    </td>
                    <td className="file-table__location">
                      <span className="file-location" title={originalFolder(item)}>
                        {originalFolder(item)}
                      </span>
                    </td>
                    <td className="file-table__modified">
                      <time dateTime={item.trashedAt} title={formatDateTime(item.trashedAt)}>
                        {formatModified(item.trashedAt)}
                      </time>
                    </td>
                    <td className="file-table__size">{formatBytes(item.size)}</td>
                    <td className="file-table__row-actions">
                      <div className="row-actions">
                        <Button
                          variant="secondary"
                          className="button--small"
                          busy={restoring}
                          aria-label={`Restore ${item.name}`}
                          onClick={() => {
                            restoreItem(item);
                          }}
                        >
                          {!restoring && <RestoreIcon width={16} height={16} />}
                          Restore
                        </Button>
                        <Menu
                          label={`More actions for ${item.name}`}
                          items={[
                            {
                              label: 'Restore to…',
                              icon: FolderIcon,
                              onSelect: () => {
                                setRestoreTo({ item, reason: null });
                              },
                            },
                            {
                              label: 'Delete forever',
                              icon: TrashIcon,
                              danger: true,
                              onSelect: () => {
                                setConfirmError(null);
                                setConfirm({ kind: 'delete', item });
                              },
                            },
                          ]}
                        >
                          <MoreIcon width={18} height={18} />
                        </Menu>
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <section className="files-view">
      <div className="files-view__header">
        <PageHeader
          title="Trash"
          description="Deleted files and folders. Restore them, or delete them for good."
        />
        <div className="files-view__actions">
          <Button
            variant="secondary"
            className="button--danger-text"
            disabled={items.length === 0}
            onClick={() => {
              setConfirmError(null);
              setConfirm({ kind: 'empty' });
            }}
          >
            <TrashIcon width={18} height={18} />
            Empty trash
          </Button>
        </div>
      </div>
      {body}
      {confirm?.kind === 'empty' && (
        <ConfirmDialog
          title="Empty the trash?"
          confirmLabel="Delete everything forever"
          danger
          busy={emptyTrash.isPending}
          error={confirmError}
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            emptyTrash.mutate(undefined, {
              onSuccess: () => {
                setConfirm(null);
                notify('success', 'The trash is empty');
              },
              onError: (error) => {
                setConfirmError(describeError(error, 'empty-trash'));
              },
            });
          }}
        >
          <p>
            {plural(items.length, 'item')} ({formatBytes(totalBytes)}) will be deleted for good.
            This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {confirm?.kind === 'delete' && (
        <ConfirmDialog
          title={`Delete “${confirm.item.name}” forever?`}
          confirmLabel="Delete forever"
          danger
          busy={deleteItem.isPending}
          error={confirmError}
          onCancel={() => {
            setConfirm(null);
          }}
          onConfirm={() => {
            deleteItem.mutate(confirm.item.id, {
              onSuccess: () => {
                setConfirm(null);
              },
              onError: (error) => {
                setConfirmError(
                  describeError(error, 'delete-forever', { name: confirm.item.name }),
                );
              },
            });
          }}
        >
          <p>
            {confirm.item.type === 'folder' ? 'The folder and everything in it' : 'The file'} will
            be deleted for good. This cannot be undone.
          </p>
        </ConfirmDialog>
      )}
      {restoreTo !== null && (
        <RestoreToDialog
          item={restoreTo.item}
          reason={restoreTo.reason}
          onClose={() => {
            setRestoreTo(null);
          }}
        />
      )}
    </section>
  );
}
