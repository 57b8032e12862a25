import { Outlet } from 'react-router';
import { useSignedInUser } from '@/app/routes/app-layout';
import { AdminLayout, type AdminPage } from '@/features/admin/components/admin-layout';
import { Forbidden } from '@/features/admin/components/forbidden';

/**
 * The admin console's pages, in tab order. Another feature's admin page is one line here (plus its
 * route under /admin in router.tsx), e.g. { to: '/admin/documents', label: 'Documents' }.
 */
const adminPages: readonly AdminPage[] = [
  { to: '/admin/users', label: 'Users' },
  { to: '/admin/sessions', label: 'Sessions' },
  { to: '/admin/audit', label: 'Audit log' },
  { to: '/admin/settings', label: 'Settings' },
  { to: '/admin/status', label: 'System status' },
  { to: '/admin/documents', label: 'Document saves' },
];

/** /admin: administrators see the console; everyone else a 403 page. */
export function AdminLayoutRoute() {
  const user = useSignedInUser();
  if (user.role !== 'admin') {
    return <Forbidden />;
  }
  return (
    <AdminLayout pages={adminPages}>
      <Outlet context={user} />
    </AdminLayout>
  );
}
