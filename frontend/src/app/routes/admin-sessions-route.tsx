import { SessionsPage } from '@/features/admin/components/sessions-page';

export function AdminSessionsRoute() {
  return <SessionsPage />;
}
