import { StatusPage } from '@/features/admin/components/status-page';

export function AdminStatusRoute() {
  return <StatusPage />;
}
