import { PageHeader } from '@/components/page-header';
import { MailView } from '@/features/mail/components/mail-view';

export function MailRoute() {
  return (
    <>
      <PageHeader
        title="Mail"
        description="Your own mail accounts. Keys: j/k next/previous, r reply, a reply all, f forward, c compose, e archive, # delete, s flag, u unread, / search, g refresh."
      />
      <MailView />
    </>
  );
}
