import { useParams } from 'react-router';
import { useEditingBadge } from '@/features/office/hooks/use-editing-badge';
import { SharedFolderView } from '@/features/sharing/components/shared-folder-view';
import { SharedWithMeView } from '@/features/sharing/components/shared-with-me-view';

/** /files/shared ("Shared with me"), /files/shared/:shareId and /files/shared/:shareId/:folderId. */
export function FilesSharedRoute() {
  const { shareId, folderId = 'root' } = useParams();
  if (shareId === undefined) {
    return <SharedWithMeView />;
  }
  return <SharedFolderRoute key={`${shareId}/${folderId}`} shareId={shareId} folderId={folderId} />;
}

/** Inside a share, with "editing: Name" marks from documents. */
function SharedFolderRoute({ shareId, folderId }: { shareId: string; folderId: string }) {
  const badge = useEditingBadge(folderId, shareId);
  return <SharedFolderView shareId={shareId} folderId={folderId} badge={badge} />;
}
