import { useMemo } from 'react';
import { useParams } from 'react-router';
import { ROOT_FOLDER_ID } from '@/features/files/api/node';
import { FolderView } from '@/features/files/components/folder-view';
import { FileExtensionsProvider, useFileExtensions } from '@/features/files/extensions';
import { useEditingBadge } from '@/features/office/hooks/use-editing-badge';

/** /files (the root folder) and /files/:folderId, with "editing: Name" marks from documents. */
export function FilesFolderRoute() {
  const { folderId = ROOT_FOLDER_ID } = useParams();
  const extensions = useFileExtensions();
  const editingBadge = useEditingBadge(folderId, null);
  const withEditing = useMemo(
    () => ({
      ...extensions,
      badge: (node: Parameters<NonNullable<typeof extensions.badge>>[0]) => (
        <>
          {extensions.badge?.(node)}
          {editingBadge(node)}
        </>
      ),
    }),
    [extensions, editingBadge],
  );
  // A new folder starts with a fresh selection and dialogs.
  return (
    <FileExtensionsProvider value={withEditing}>
      <FolderView key={folderId} folderId={folderId} />
    </FileExtensionsProvider>
  );
}
