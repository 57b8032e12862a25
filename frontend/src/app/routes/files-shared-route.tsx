import { useParams } from 'react-router';
import { SharedFolderView } from '@/features/sharing/components/shared-folder-view';
import { SharedWithMeView } from '@/features/sharing/components/shared-with-me-view';

/** /files/shared ("Shared with me"), /files/shared/:shareId and /files/shared/:shareId/:folderId. */
export function FilesSharedRoute() {
  const { shareId, folderId = 'root' } = useParams();
  if (shareId === undefined) {
    return <SharedWithMeView />;
  }
  return <SharedFolderView key={`${shareId}/${folderId}`} shareId={shareId} folderId={folderId} />;
}
