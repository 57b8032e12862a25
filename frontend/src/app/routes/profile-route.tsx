import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { useSignedInUser } from '@/app/routes/app-layout';
import { Card } from '@/components/card';
import { KeyIcon, UserIcon } from '@/components/icons';
import { PageHeader } from '@/components/page-header';
import { AccountDetails } from '@/features/profile/components/account-details';
import { AppPasswordsSection } from '@/features/profile/components/app-passwords-section';
import { ChangePasswordForm } from '@/features/profile/components/change-password-form';

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
      <PageHeader title="Profile" description="Your account details and password." />
      <div className="stack">
        <Card title="Account details" icon={<UserIcon />}>
          <AccountDetails user={user} />
        </Card>
        <Card
          id="change-password"
          title="Change password"
          description="Use a password you do not use anywhere else."
          icon={<KeyIcon />}
        >
          <ChangePasswordForm />
        </Card>
        <AppPasswordsSection username={user.username} />
      </div>
    </>
  );
}
