import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { ApiError } from '@/lib/api-client';
import { notify } from '@/lib/notifications';
import { copyNode } from '../api/copy-node';
import { filesKeys, type FileNode } from '../api/node';
import { updateNode } from '../api/update-node';
import { describeError } from '../utils/describe-error';
import { copyName } from '../utils/file-name';
import { plural } from '../utils/format';
import { settleEach } from '../utils/settle';
import { FolderPicker, usePickedFolder } from './folder-picker';

type Mode = 'move' | 'copy';

/** Copies into a folder; in the node's own folder the copy is named "… (copy)", "… (copy 2)"… */
async function copyWithFreeName(node: FileNode, parentId: string): Promise<FileNode> {
  if (node.parentId !== parentId) {
    return copyNode({ id: node.id, parentId });
  }
  for (let attempt = 1; ; attempt++) {
    try {
      return await copyNode({
        id: node.id,
        parentId,
        name: copyName(node.name, attempt, node.type === 'folder'),
      });
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 409 || attempt >= 20) {
        throw error;
      }
    }
  }
}

/** Moves or copies files and folders into a folder chosen with the picker. */
export function MoveCopyDialog({
  nodes,
  startFolderId,
  onClose,
}: {
  nodes: readonly FileNode[];
  startFolderId: string;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [folderId, setFolderId] = useState(startFolderId);
  const [remaining, setRemaining] = useState<readonly FileNode[]>(nodes);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const destination = usePickedFolder(folderId);

  const subject =
    remaining.length === 1 ? `“${remaining[0]?.name ?? ''}”` : plural(remaining.length, 'item');
  const alreadyThere =
    destination !== null && remaining.every((n) => n.parentId === destination.id);

  async function run(mode: Mode) {
    if (destination === null || busy !== null) {
      return;
    }
    setBusy(mode);
    setErrors([]);
    const result = await settleEach(remaining, (node) =>
      mode === 'move'
        ? updateNode({ id: node.id, parentId: destination.id })
        : copyWithFreeName(node, destination.id),
    );
    await queryClient.invalidateQueries({ queryKey: filesKeys.all });
    setBusy(null);
    const done = result.succeeded.length;
    if (done > 0) {
      const verb = mode === 'move' ? 'Moved' : 'Copied';
      const what = done === 1 ? `“${result.succeeded[0]?.item.name ?? ''}”` : plural(done, 'item');
      notify('success', `${verb} ${what} to “${destination.name}”`);
    }
    if (result.failed.length === 0) {
      onClose();
      return;
    }
    setRemaining(result.failed.map((f) => f.item));
    setErrors(
      result.failed.map(({ item, error }) =>
        describeError(error, mode, { name: item.name, destination: destination.name }),
      ),
    );
  }

  return (
    <Dialog
      title={`Move or copy ${subject}`}
      onClose={onClose}
      dismissable={busy === null}
      size="wide"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy !== null}>
            Cancel
          </Button>
          <Button
            variant="secondary"
            busy={busy === 'copy'}
            disabled={destination === null || busy === 'move'}
            onClick={() => {
              void run('copy');
            }}
          >
            {destination === null ? 'Copy' : `Copy to “${destination.name}”`}
          </Button>
          <Button
            busy={busy === 'move'}
            disabled={destination === null || alreadyThere || busy === 'copy'}
            title={alreadyThere ? 'Already in this folder' : undefined}
            onClick={() => {
              void run('move');
            }}
          >
            {destination === null ? 'Move' : `Move to “${destination.name}”`}
          </Button>
        </>
      }
    >
      {errors.length > 0 && (
        <Alert kind="error" title={`${plural(errors.length, 'item')} could not be moved or copied`}>
          <ul className="error-list">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </Alert>
      )}
      <FolderPicker
        folderId={folderId}
        onNavigate={setFolderId}
        blockedIds={remaining.filter((n) => n.type === 'folder').map((n) => n.id)}
      />
    </Dialog>
  );
}
