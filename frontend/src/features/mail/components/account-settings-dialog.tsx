import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import {
  useCreateAccount,
  useDeleteAccount,
  useTestAccount,
  useUpdateAccount,
  type AccountInput,
  type Security,
} from '../api/accounts';
import type { MailAccount } from '../api/schemas';

interface Props {
  /** The account to edit; a new one when absent. */
  account?: MailAccount | undefined;
  onClose: () => void;
  onSaved?: (account: MailAccount) => void;
}

const PORTS: Record<'imap' | 'smtp', Record<Security, number>> = {
  imap: { tls: 993, starttls: 143, none: 143 },
  smtp: { tls: 465, starttls: 587, none: 25 },
};

/** Add or change a mail account; the servers are tested before anything is saved. */
export function AccountSettingsDialog({ account, onClose, onSaved }: Props) {
  const [displayName, setDisplayName] = useState(account?.displayName ?? '');
  const [email, setEmail] = useState(account?.email ?? '');
  const [imapHost, setImapHost] = useState(account?.imap.host ?? '');
  const [imapPort, setImapPort] = useState(String(account?.imap.port ?? 993));
  const [imapSecurity, setImapSecurity] = useState<Security>(account?.imap.security ?? 'tls');
  const [imapUser, setImapUser] = useState(account?.imap.username ?? '');
  const [imapPassword, setImapPassword] = useState('');
  const [smtpHost, setSmtpHost] = useState(account?.smtp.host ?? '');
  const [smtpPort, setSmtpPort] = useState(String(account?.smtp.port ?? 465));
  const [smtpSecurity, setSmtpSecurity] = useState<Security>(account?.smtp.security ?? 'tls');
  const [smtpUser, setSmtpUser] = useState(account?.smtp.username ?? '');
  const [smtpPassword, setSmtpPassword] = useState('');
  const [signature, setSignature] = useState(account?.signature ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [tested, setTested] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const create = useCreateAccount();
  const update = useUpdateAccount(account?.id ?? 0);
  const test = useTestAccount();
  const remove = useDeleteAccount();

  function input(): AccountInput {
    const smtpUsername = smtpUser.trim();
    return {
      displayName: displayName.trim(),
      email: email.trim(),
      imap: {
        host: imapHost.trim(),
        port: Number(imapPort),
        security: imapSecurity,
        username: imapUser.trim() === '' ? email.trim() : imapUser.trim(),
        ...(imapPassword === '' ? {} : { password: imapPassword }),
      },
      smtp: {
        host: smtpHost.trim(),
        port: Number(smtpPort),
        security: smtpSecurity,
        ...(smtpUsername === '' ? {} : { username: smtpUsername }),
        ...(smtpPassword === '' ? {} : { password: smtpPassword }),
      },
      ...(signature.trim() === '' ? {} : { signature }),
    };
  }

  function fieldError(field: string): string | undefined {
    return error?.fieldErrors.find((e) => e.field === field)?.message;
  }

  function fail(e: unknown) {
    setTested(false);
    setError(e instanceof ApiError ? e : ApiError.network());
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      const saved =
        account === undefined
          ? await create.mutateAsync(input())
          : await update.mutateAsync(input());
      notify('success', account === undefined ? 'Mail account added' : 'Mail account saved');
      onSaved?.(saved);
      onClose();
    } catch (e) {
      fail(e);
    }
  }

  async function onTest() {
    setError(null);
    setTested(false);
    try {
      await test.mutateAsync(input());
      setTested(true);
    } catch (e) {
      fail(e);
    }
  }

  const busy = create.isPending || update.isPending;
  const security = (
    value: Security,
    set: (s: Security) => void,
    kind: 'imap' | 'smtp',
    setPort: (p: string) => void,
    label: string,
  ) => (
    <label className="field">
      <span className="field__label">{label}</span>
      <select
        value={value}
        onChange={(e) => {
          const next = e.target.value as Security;
          set(next);
          setPort(String(PORTS[kind][next]));
        }}
      >
        <option value="tls">TLS</option>
        <option value="starttls">STARTTLS</option>
        <option value="none">None (unencrypted)</option>
      </select>
    </label>
  );

  return (
    <>
      <Dialog
        title={account === undefined ? 'Add mail account' : `Mail account ${account.email}`}
        description="The servers are tested before the account is saved. Passwords are stored encrypted and never shown again."
        onClose={onClose}
        dismissable={!busy}
        size="wide"
        className="mail-settings"
        footer={
          <>
            {account !== undefined && (
              <Button
                variant="ghost"
                onClick={() => {
                  setConfirmDelete(true);
                }}
              >
                Remove account
              </Button>
            )}
            <Button variant="secondary" onClick={() => void onTest()} busy={test.isPending}>
              Test connection
            </Button>
            <Button variant="secondary" onClick={onClose} disabled={busy}>
              Cancel
            </Button>
            <Button type="submit" form="mail-account-form" busy={busy}>
              Save
            </Button>
          </>
        }
      >
        <form id="mail-account-form" onSubmit={(e) => void onSubmit(e)} noValidate>
          {error !== null && (
            <Alert kind="error" title={error.title}>
              {error.detail}
            </Alert>
          )}
          {tested && <Alert kind="success" title="Both servers accepted the sign-in." />}
          <div className="mail-settings__grid">
            <TextField
              label="Your name"
              value={displayName}
              onChange={(e) => {
                setDisplayName(e.target.value);
              }}
              error={fieldError('displayName')}
              required
            />
            <TextField
              label="E-mail address"
              type="email"
              value={email}
              onChange={(e) => {
                setEmail(e.target.value);
              }}
              error={fieldError('email')}
              required
            />
            <TextField
              label="IMAP server"
              value={imapHost}
              onChange={(e) => {
                setImapHost(e.target.value);
              }}
              error={fieldError('imap.host')}
              placeholder="imap.example.org"
            />
            <TextField
              label="IMAP port"
              inputMode="numeric"
              value={imapPort}
              onChange={(e) => {
                setImapPort(e.target.value);
              }}
              error={fieldError('imap.port')}
            />
            {security(imapSecurity, setImapSecurity, 'imap', setImapPort, 'IMAP security')}
            <TextField
              label="IMAP username"
              value={imapUser}
              onChange={(e) => {
                setImapUser(e.target.value);
              }}
              error={fieldError('imap.username')}
              placeholder="the e-mail address when empty"
            />
            <TextField
              label="IMAP password"
              type="password"
              autoComplete="new-password"
              value={imapPassword}
              onChange={(e) => {
                setImapPassword(e.target.value);
              }}
              error={fieldError('imap.password')}
              hint={account === undefined ? undefined : 'Leave empty to keep the saved password'}
            />
            <span />
            <TextField
              label="SMTP server"
              value={smtpHost}
              onChange={(e) => {
                setSmtpHost(e.target.value);
              }}
              error={fieldError('smtp.host')}
              placeholder="smtp.example.org"
            />
            <TextField
              label="SMTP port"
              inputMode="numeric"
              value={smtpPort}
              onChange={(e) => {
                setSmtpPort(e.target.value);
              }}
              error={fieldError('smtp.port')}
            />
            {security(smtpSecurity, setSmtpSecurity, 'smtp', setSmtpPort, 'SMTP security')}
            <TextField
              label="SMTP username"
              value={smtpUser}
              onChange={(e) => {
                setSmtpUser(e.target.value);
              }}
              error={fieldError('smtp.username')}
              hint="Empty when the server sends without sign-in"
            />
            <TextField
              label="SMTP password"
              type="password"
              autoComplete="new-password"
              value={smtpPassword}
              onChange={(e) => {
                setSmtpPassword(e.target.value);
              }}
              error={fieldError('smtp.password')}
            />
            <TextField
              label="Signature"
              value={signature}
              onChange={(e) => {
                setSignature(e.target.value);
              }}
              error={fieldError('signature')}
            />
          </div>
        </form>
      </Dialog>
      {confirmDelete && account !== undefined && (
        <ConfirmDialog
          title="Remove this account?"
          confirmLabel="Remove"
          danger
          busy={remove.isPending}
          onCancel={() => {
            setConfirmDelete(false);
          }}
          onConfirm={() => {
            remove.mutate(account.id, {
              onSuccess: () => {
                setConfirmDelete(false);
                onClose();
              },
            });
          }}
        >
          The mailbox on the server is not touched; only the workspace forgets the account.
        </ConfirmDialog>
      )}
    </>
  );
}
