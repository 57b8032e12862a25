import { Link } from 'react-router';
import { useSignedInUser } from '@/app/routes/app-layout';
import { Card } from '@/components/card';
import { DescriptionList } from '@/components/description-list';
import { FilesSummaryCard } from '@/features/files/components/files-summary-card';
import { WorkspacesSummaryCard } from '@/features/ide/components/workspaces-summary-card';
import { MailSummaryCard } from '@/features/mail/components/mail-summary-card';
import { KeyIcon, UserIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import { nameOf } from '@/lib/auth/current-user';
import { formatDate, formatDateTime, formatRole } from '@/lib/format';

/** The dashboard: files, workspaces and mail at a glance, then the account. */
export function HomeRoute() {
  const user = useSignedInUser();
  return (
    <>
      <PageHeader
        title={`Welcome, ${nameOf(user)}`}
        description={`Member since ${formatDate(user.createdAt)}.`}
      />
      <div className="grid home-grid">
        <FilesSummaryCard />
        <WorkspacesSummaryCard />
        <MailSummaryCard />
        <Card title="Your account" icon={<UserIcon />}>
          <DescriptionList
            items={[
              { term: 'Username', description: user.username },
              { term: 'Email', description: user.email ?? 'No email address on file' },
              { term: 'Role', description: formatRole(user.role) },
              {
                term: 'Last sign-in',
                description:
                  user.lastLoginAt === null
                    ? 'No sign-in recorded yet'
                    : formatDateTime(user.lastLoginAt),
              },
            ]}
          />
          <p className="card__footer">
            <Link to="/profile">View your profile</Link>
          </p>
        </Card>
        <Card title="Security" icon={<KeyIcon />}>
          <p>
            Your session renews itself while this page is open and ends when you sign out. Changing
            your password signs out every other device.
          </p>
          <p className="card__footer">
            <Link to="/profile#change-password">Change your password</Link>
          </p>
        </Card>
      </div>
    </>
  );
}
