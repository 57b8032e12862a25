import { useCallback, useMemo, type ReactNode } from 'react';
import { useEditingIn } from '../api/editing';
import { useCapabilities } from '../api/get-capabilities';
import { EditingBadge } from '../components/editing-badge';

/**
 * The "editing: Name" marks of one folder's file list (own folder, or with `shareId` a folder of a
 * share with the user; 'root' for the top): one request per folder, refreshed every 30 seconds,
 * and none at all without a Document Server. Answers the badge to render beside a file.
 */
export function useEditingBadge(
  folderId: string,
  shareId: string | null,
): (node: { id: string; name: string }) => ReactNode {
  const capabilities = useCapabilities();
  const editing = useEditingIn(folderId, shareId, capabilities.data?.documentServer === true);
  const byFile = useMemo(
    () => new Map((editing.data ?? []).map((file) => [file.fileId, file.editors])),
    [editing.data],
  );
  return useCallback(
    (node) => {
      const editors = byFile.get(node.id);
      return editors === undefined || editors.length === 0 ? null : (
        <EditingBadge fileName={node.name} editors={editors} />
      );
    },
    [byFile],
  );
}
