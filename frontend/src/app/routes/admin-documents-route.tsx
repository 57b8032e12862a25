import { Alert } from '@/components/alert';
import { PageHeader } from '@/components/page-header';
import { FailedSavesAdmin } from '@/features/office/components/failed-saves-admin';
import { useSignedInUser } from './app-layout';

/** /admin/documents — document changes not yet saved, with retry (admins). */
export function AdminDocumentsRoute() {
  const user = useSignedInUser();
  if (user.role !== 'admin') {
    return (
      <Alert kind="error" title="Admins only">
        This page is for administrators.
      </Alert>
    );
  }
  return (
    <>
      <PageHeader
        title="Document saves"
        description="Changes from the Document Server that are not stored yet."
      />
      <FailedSavesAdmin />
    </>
  );
}
