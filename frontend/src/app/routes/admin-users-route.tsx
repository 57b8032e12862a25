import { useSignedInUser } from '@/app/routes/app-layout';
import { UsersPage } from '@/features/admin/components/users-page';

export function AdminUsersRoute() {
  const user = useSignedInUser();
  return <UsersPage currentUserId={String(user.id)} />;
}
