import { useParams } from 'react-router';
import { ROOT_FOLDER_ID } from '@/features/files/api/node';
import { FolderView } from '@/features/files/components/folder-view';

/** /files (the root folder) and /files/:folderId. */
export function FilesFolderRoute() {
  const { folderId = ROOT_FOLDER_ID } = useParams();
  // A new folder starts with a fresh selection and dialogs.
  return <FolderView key={folderId} folderId={folderId} />;
}
