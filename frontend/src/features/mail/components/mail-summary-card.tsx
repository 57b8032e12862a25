import { Link } from 'react-router';
import { Card } from '@/components/card';
import { useAccounts } from '../api/accounts';
import { useFolders } from '../api/mailbox';
import type { MailAccount } from '../api/schemas';
import { MailIcon } from './mail-icon';

/** The home page's view of the user's mail: each account with the unread messages of its inbox. */
export function MailSummaryCard() {
  const accounts = useAccounts();
  const list = accounts.data ?? [];
  return (
    <Card title="Mail" icon={<MailIcon />} id="home-mail">
      {accounts.isPending ? (
        <p className="home-list__note">Loading…</p>
      ) : accounts.isError ? (
        <p className="home-list__note" role="alert">
          Your mail accounts could not be loaded.
        </p>
      ) : list.length === 0 ? (
        <p className="home-list__note">
          No mail account yet. Add your own IMAP and SMTP account to read and send mail here.
        </p>
      ) : (
        <ul className="home-list__items">
          {list.map((account) => (
            <AccountInbox key={account.id} account={account} />
          ))}
        </ul>
      )}
      <p className="card__footer home-links">
        <Link to="/mail">{list.length === 0 ? 'Add a mail account' : 'Open Mail'}</Link>
      </p>
    </Card>
  );
}

function AccountInbox({ account }: { account: MailAccount }) {
  const folders = useFolders(account.id);
  const inbox = folders.data?.find((f) => f.role === 'inbox' || f.path.toUpperCase() === 'INBOX');
  let summary: string;
  if (folders.isPending) {
    summary = 'checking…';
  } else if (folders.isError || inbox === undefined) {
    summary = 'the mail server cannot be reached';
  } else if (inbox.unread === 0) {
    summary = 'no unread messages';
  } else {
    summary = inbox.unread === 1 ? '1 unread message' : `${inbox.unread} unread messages`;
  }
  return (
    <li className="home-list__item" data-account={account.email}>
      <Link to="/mail" className="home-list__open">
        {account.displayName === '' ? account.email : account.displayName}
      </Link>
      <span
        className={
          inbox !== undefined && inbox.unread > 0 ? 'home-count home-count--unread' : 'home-count'
        }
      >
        {summary}
      </span>
      {account.displayName !== '' && <span className="home-list__meta">{account.email}</span>}
    </li>
  );
}
