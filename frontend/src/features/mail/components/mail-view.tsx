import { useState } from 'react';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { useAccounts } from '../api/accounts';
import { useFolders, useMailAction, useMessage, useMessages } from '../api/mailbox';
import {
  formatAddress,
  fullAddress,
  type MailAccount,
  type MailMessage,
  type MessageSummary,
} from '../api/schemas';
import { useMailShortcuts } from '../hooks/use-mail-shortcuts';
import { AccountSettingsDialog } from './account-settings-dialog';
import { ComposeDialog, type ComposeDraft } from './compose-dialog';
import { MessageList, threads } from './message-list';
import { MessagePane } from './message-pane';
import './mail.css';

type Place = { accountId: number; folder: string } | { accountId: 'unified'; folder: 'INBOX' };

function quote(message: MailMessage): string {
  const who = message.from.map(fullAddress).join(', ');
  const when =
    message.date === null || message.date === undefined
      ? ''
      : new Date(message.date).toLocaleString();
  const body = (message.text ?? '')
    .split('\n')
    .map((line) => `> ${line}`)
    .join('\n');
  return `\n\nOn ${when}, ${who} wrote:\n${body}`;
}

function withSignature(text: string, account: MailAccount | undefined): string {
  const signature = account?.signature;
  return signature === null || signature === undefined || signature === ''
    ? text
    : `\n\n-- \n${signature}${text}`;
}

function prefixed(prefix: string, subject: string | null | undefined): string {
  const s = subject ?? '';
  return s.toLowerCase().startsWith(prefix.toLowerCase()) ? s : `${prefix} ${s}`;
}

/** The three-pane mail view: folders of every account (and the unified inbox), the message list, the message. */
export function MailView() {
  const accounts = useAccounts();
  const [place, setPlace] = useState<Place | null>(null);
  const [page, setPage] = useState(0);
  const [searchInput, setSearchInput] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<MessageSummary | null>(null);
  const [remote, setRemote] = useState(false);
  const [compose, setCompose] = useState<ComposeDraft | null>(null);
  const [settings, setSettings] = useState<MailAccount | 'new' | null>(null);
  const action = useMailAction();

  const list = accounts.data ?? [];
  const first = list[0];
  const current: Place | null =
    place ??
    (first === undefined
      ? null
      : list.length > 1
        ? { accountId: 'unified', folder: 'INBOX' }
        : { accountId: first.id, folder: 'INBOX' });
  const messages = useMessages(
    current?.accountId ?? null,
    current?.folder ?? 'INBOX',
    page,
    search,
  );
  const ref =
    selected === null
      ? null
      : { accountId: selected.accountId, folder: selected.folder, uid: selected.uid };
  const message = useMessage(ref, remote);
  const items = messages.data?.items ?? [];
  const ordered = threads(items).map((t) => t.item);
  const accountOf = (id: number) => list.find((a) => a.id === id);

  function select(next: MessageSummary | null) {
    setSelected(next);
    setRemote(false);
  }

  function open(next: Place) {
    setPlace(next);
    setPage(0);
    setSelected(null);
    setSearch('');
    setSearchInput('');
  }

  function move(delta: number) {
    if (ordered.length === 0) {
      return;
    }
    const index =
      selected === null
        ? -1
        : ordered.findIndex((m) => m.uid === selected.uid && m.accountId === selected.accountId);
    const next = ordered[Math.min(ordered.length - 1, Math.max(0, index + delta))];
    if (next !== undefined) {
      select(next);
    }
  }

  function reply(all: boolean) {
    const m = message.data;
    if (m === undefined) {
      return;
    }
    const account = accountOf(m.accountId);
    const own = account?.email.toLowerCase();
    const to = (m.replyTo.length > 0 ? m.replyTo : m.from).map(fullAddress);
    const cc = all
      ? [...m.to, ...m.cc].filter((a) => a.address.toLowerCase() !== own).map(fullAddress)
      : [];
    setCompose({
      accountId: m.accountId,
      to: to.join(', '),
      cc: cc.join(', '),
      subject: prefixed('Re:', m.subject),
      text: withSignature(quote(m), account),
      inReplyTo: { folder: m.folder, uid: m.uid },
    });
  }

  function forward() {
    const m = message.data;
    if (m === undefined) {
      return;
    }
    setCompose({
      accountId: m.accountId,
      to: '',
      cc: '',
      subject: prefixed('Fwd:', m.subject),
      text: withSignature(
        `\n\n---------- Forwarded message ----------\nFrom: ${m.from.map(fullAddress).join(', ')}\nSubject: ${m.subject ?? ''}\nTo: ${m.to.map(formatAddress).join(', ')}\n\n${m.text ?? ''}`,
        accountOf(m.accountId),
      ),
      forwardOf: { folder: m.folder, uid: m.uid },
      forwardedAttachments: m.attachments.filter((a) => !a.inline).map((a) => a.name),
    });
  }

  function newMessage() {
    const accountId = typeof current?.accountId === 'number' ? current.accountId : list[0]?.id;
    if (accountId !== undefined) {
      setCompose({
        accountId,
        to: '',
        cc: '',
        subject: '',
        text: withSignature('', accountOf(accountId)),
      });
    }
  }

  function act(kind: 'archive' | 'delete' | 'flag' | 'unflag' | 'seen' | 'unseen') {
    if (selected === null) {
      return;
    }
    const leaving = kind === 'archive' || kind === 'delete';
    if (leaving) {
      move(1);
    }
    action.mutate({
      accountId: selected.accountId,
      folder: selected.folder,
      uids: [selected.uid],
      action: kind,
    });
    if (leaving) {
      setSelected(null);
    }
  }

  useMailShortcuts(compose === null && settings === null, {
    next: () => {
      move(1);
    },
    previous: () => {
      move(-1);
    },
    reply: () => {
      reply(false);
    },
    replyAll: () => {
      reply(true);
    },
    forward,
    compose: newMessage,
    archive: () => {
      act('archive');
    },
    remove: () => {
      act('delete');
    },
    flag: () => {
      act(message.data?.flagged === true ? 'unflag' : 'flag');
    },
    unread: () => {
      act('unseen');
    },
    search: () => document.getElementById('mail-search')?.focus(),
    refresh: () => void messages.refetch(),
  });

  if (accounts.isPending) {
    return <Spinner label="Loading your mail accounts…" />;
  }
  if (list.length === 0) {
    return (
      <div className="mail__empty">
        <p>Add your first mail account to read and send mail from the workspace.</p>
        <Button
          onClick={() => {
            setSettings('new');
          }}
        >
          Add mail account
        </Button>
        {settings !== null && (
          <AccountSettingsDialog
            account={settings === 'new' ? undefined : settings}
            onClose={() => {
              setSettings(null);
            }}
            onSaved={(a) => {
              open({ accountId: a.id, folder: 'INBOX' });
            }}
          />
        )}
      </div>
    );
  }

  const total = messages.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / 50));
  return (
    <>
      <div className="mail">
        <nav className="mail__folders" aria-label="Mail folders">
          <Button onClick={newMessage} title="Compose (c)">
            Compose
          </Button>
          {list.length > 1 && (
            <button
              type="button"
              className="mail__folder"
              aria-current={current?.accountId === 'unified'}
              onClick={() => {
                open({ accountId: 'unified', folder: 'INBOX' });
              }}
            >
              <span>All inboxes</span>
            </button>
          )}
          {list.map((account) => (
            <AccountFolders
              key={account.id}
              account={account}
              current={current}
              onOpen={open}
              onSettings={() => {
                setSettings(account);
              }}
            />
          ))}
          <Button
            variant="ghost"
            onClick={() => {
              setSettings('new');
            }}
          >
            + Add account
          </Button>
        </nav>
        <section className="mail__list" aria-label="Message list">
          <form
            className="mail__toolbar"
            role="search"
            onSubmit={(e) => {
              e.preventDefault();
              setPage(0);
              setSearch(searchInput.trim());
            }}
          >
            <input
              id="mail-search"
              type="search"
              placeholder={
                current?.accountId === 'unified'
                  ? 'Open an account to search'
                  : 'Search (/): words, from:, to:, body:, since:, before:'
              }
              aria-label="Search messages"
              value={searchInput}
              disabled={current?.accountId === 'unified'}
              onChange={(e) => {
                setSearchInput(e.target.value);
              }}
            />
            <Button
              variant="ghost"
              onClick={() => void messages.refetch()}
              busy={messages.isFetching}
              title="Check for new mail (g)"
              aria-label="Refresh"
            >
              ⟳
            </Button>
          </form>
          {messages.isPending ? (
            <Spinner label="Loading messages…" />
          ) : messages.isError ? (
            <p className="mail__empty" role="alert">
              The messages could not be loaded.{' '}
              <Button variant="secondary" onClick={() => void messages.refetch()}>
                Retry
              </Button>
            </p>
          ) : (
            <MessageList items={items} selected={selected} onSelect={select} />
          )}
          <div className="mail__pager">
            <Button
              variant="ghost"
              disabled={page === 0}
              onClick={() => {
                setPage(page - 1);
              }}
            >
              Newer
            </Button>
            <span>
              Page {page + 1} of {pages} · {total} messages
            </span>
            <Button
              variant="ghost"
              disabled={page + 1 >= pages}
              onClick={() => {
                setPage(page + 1);
              }}
            >
              Older
            </Button>
          </div>
        </section>
        <section className="mail__message" aria-label="Message">
          <MessagePane
            message={message.data}
            loading={message.isFetching}
            error={message.error}
            remote={remote || message.data?.remoteContentAllowed === true}
            onAllowRemote={() => {
              setRemote(true);
            }}
            onReply={reply}
            onForward={forward}
            onArchive={() => {
              act('archive');
            }}
            onDelete={() => {
              act('delete');
            }}
            onToggleFlag={() => {
              act(message.data?.flagged === true ? 'unflag' : 'flag');
            }}
            onToggleSeen={() => {
              act('unseen');
            }}
          />
        </section>
      </div>
      {compose !== null && (
        <ComposeDialog
          draft={compose}
          onClose={() => {
            setCompose(null);
          }}
        />
      )}
      {settings !== null && (
        <AccountSettingsDialog
          account={settings === 'new' ? undefined : settings}
          onClose={() => {
            setSettings(null);
          }}
        />
      )}
    </>
  );
}

function AccountFolders({
  account,
  current,
  onOpen,
  onSettings,
}: {
  account: MailAccount;
  current: Place | null;
  onOpen: (p: Place) => void;
  onSettings: () => void;
}) {
  const folders = useFolders(account.id);
  return (
    <>
      <div className="mail__account" title={account.email}>
        {account.displayName || account.email}{' '}
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Settings of ${account.email}`}
          onClick={onSettings}
        >
          ⚙
        </button>
      </div>
      {folders.isError && <span className="mail__empty">Folders could not be loaded.</span>}
      {(folders.data ?? [])
        .filter((f) => f.selectable)
        .map((f) => (
          <button
            key={f.path}
            type="button"
            className="mail__folder"
            aria-current={current?.accountId === account.id && current.folder === f.path}
            onClick={() => {
              onOpen({ accountId: account.id, folder: f.path });
            }}
          >
            <span>{f.role === 'inbox' ? 'Inbox' : f.name}</span>
            {f.unread > 0 && (
              <span className="mail__badge" aria-label={`${f.unread} unread`}>
                {f.unread}
              </span>
            )}
          </button>
        ))}
    </>
  );
}
