import { TrashView } from '@/features/files/components/trash-view';

/** /files/trash */
export function FilesTrashRoute() {
  return <TrashView />;
}
