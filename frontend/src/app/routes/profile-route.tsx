import { useEffect, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useSignedInUser } from '@/app/routes/app-layout';
import { Card } from '@/components/card';
import { KeyIcon, ShieldIcon, UserIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import type { CurrentUser } from '@/lib/auth/current-user';
import { AccountDetails } from '@/features/profile/components/account-details';
import { AppPasswordsSection } from '@/features/profile/components/app-passwords-section';
import { ChangePasswordForm } from '@/features/profile/components/change-password-form';
import { SessionsSection } from '@/features/profile/components/sessions-section';
import { TwoFactorSection } from '@/features/profile/components/two-factor-section';

/** One card of the profile page; its id is the page's #anchor. */
interface ProfileSection {
  id: string;
  title: string;
  description?: string;
  icon: ReactNode;
  render: (user: CurrentUser) => ReactNode;
}

/** The profile page's sections, in order; another feature's section is one more line here. */
const sections: readonly ProfileSection[] = [
  {
    id: 'account',
    title: 'Account details',
    icon: <UserIcon />,
    render: (user) => <AccountDetails user={user} />,
  },
  {
    id: 'change-password',
    title: 'Change password',
    description: 'Use a password you do not use anywhere else.',
    icon: <KeyIcon />,
    render: () => <ChangePasswordForm />,
  },
  {
    id: 'two-factor',
    title: 'Two-factor sign-in',
    description: 'A code from your phone in addition to your password.',
    icon: <ShieldIcon />,
    render: () => <TwoFactorSection />,
  },
  {
    id: 'sessions',
    title: 'Sessions',
    description: 'Where you are signed in. Sign out a device you no longer use.',
    icon: <UserIcon />,
    render: () => <SessionsSection />,
  },
];

export function ProfileRoute() {
  const user = useSignedInUser();
  const { hash } = useLocation();

  useEffect(() => {
    if (hash !== '') {
      document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
    }
  }, [hash]);

  return (
    <>
      <PageHeader title="Profile" description="Your account, password, sign-in and sessions." />
      <div className="stack">
        {sections.map(({ id, title, description, icon, render }) => (
          <Card
            key={id}
            id={id}
            title={title}
            icon={icon}
            {...(description === undefined ? {} : { description })}
          >
            {render(user)}
          </Card>
        ))}
        <AppPasswordsSection username={user.username} />
      </div>
    </>
  );
}
