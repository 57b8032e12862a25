import { DescriptionList } from '@/components/description-list';
import { nameOf, type CurrentUser } from '@/lib/auth/current-user';
import { formatDate, formatDateTime, formatRole } from '@/lib/format';

/** Everything the server knows about the signed-in account, read-only. */
export function AccountDetails({ user }: { user: CurrentUser }) {
  return (
    <DescriptionList
      items={[
        { term: 'Display name', description: nameOf(user) },
        { term: 'Username', description: user.username },
        { term: 'Email', description: user.email ?? 'No email address on file' },
        { term: 'Role', description: formatRole(user.role) },
        {
          term: 'Status',
          description: user.enabled ? 'Active' : 'Disabled',
        },
        { term: 'Member since', description: formatDate(user.createdAt) },
        {
          term: 'Last sign-in',
          description:
            user.lastLoginAt === null
              ? 'No sign-in recorded yet'
              : formatDateTime(user.lastLoginAt),
        },
      ]}
    />
  );
}
