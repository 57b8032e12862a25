import { Outlet } from 'react-router';
import { FilesLayout } from '@/features/files/components/files-layout';
import { FileExtensionsProvider } from '@/features/files/extensions';
import { useSharingForFiles } from '@/features/sharing/hooks/use-sharing-for-files';

/** /files/*: the file manager's frame around its views, with sharing plugged in. */
export function FilesLayoutRoute() {
  const sharing = useSharingForFiles();
  return (
    <FileExtensionsProvider value={sharing.extensions}>
      <FilesLayout>
        <Outlet />
      </FilesLayout>
      {sharing.element}
    </FileExtensionsProvider>
  );
}
