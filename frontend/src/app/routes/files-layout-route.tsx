import { Outlet } from 'react-router';
import { FilesLayout } from '@/features/files/components/files-layout';

/** /files/*: the file manager's frame around its views. */
export function FilesLayoutRoute() {
  return (
    <FilesLayout>
      <Outlet />
    </FilesLayout>
  );
}
