import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Card } from '@/components/card';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { KeyIcon } from '@/components/icons';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import {
  appPasswordNameSchema,
  useCreateAppPassword,
  type CreatedAppPassword,
} from '../api/create-app-password';
import { useAppPasswords, type AppPassword } from '../api/get-app-passwords';
import { useRevokeAppPassword } from '../api/revoke-app-password';
import './app-passwords.css';

/** The WebDAV address of a user's files on this server. */
export function webdavUrl(username: string, origin = window.location.origin): string {
  return `${origin}/dav/files/${encodeURIComponent(username)}/`;
}

function messageOf(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.userMessage : fallback;
}

/** Copies text, with a button that says when it worked. */
function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return (
    <Button variant="secondary" onClick={() => void copy()} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Select and copy it' : 'Copy'}
    </Button>
  );
}

/**
 * App passwords for WebDAV clients and other programs that sign in with a username and password:
 * the WebDAV address to copy, creating one (shown once), the list with last use, and revoking.
 */
export function AppPasswordsSection({ username }: { username: string }) {
  const url = webdavUrl(username);
  const passwords = useAppPasswords();
  const create = useCreateAppPassword();
  const revoke = useRevokeAppPassword();
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedAppPassword | null>(null);
  const [revoking, setRevoking] = useState<AppPassword | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) {
      return;
    }
    setFormError(null);
    const parsed = appPasswordNameSchema.safeParse(name);
    if (!parsed.success) {
      setNameError(parsed.error.issues[0]?.message);
      return;
    }
    setNameError(undefined);
    create.mutate(parsed.data, {
      onSuccess: (result) => {
        setCreated(result);
        setName('');
      },
      onError: (error) => {
        const field = error instanceof ApiError ? error.fieldError('name') : undefined;
        if (field !== undefined) {
          setNameError(field);
        } else {
          setFormError(messageOf(error, 'Creating the app password failed. Try again.'));
        }
      },
    });
  }

  function confirmRevoke() {
    if (revoking === null) {
      return;
    }
    setRevokeError(null);
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        setRevoking(null);
      },
      onError: (error) => {
        setRevokeError(messageOf(error, 'Revoking the app password failed. Try again.'));
      },
    });
  }

  return (
    <Card
      id="app-passwords"
      title="App passwords and WebDAV"
      description="Desktop clients (Finder, Windows Explorer, davfs2, rclone) reach your files over WebDAV. Give each one its own app password: it works even with two-factor sign-in, and you can revoke it alone."
      icon={<KeyIcon />}
    >
      <div className="stack">
        <div className="app-passwords__url">
          <span className="field__label" id="webdav-url-label">
            WebDAV address
          </span>
          <div className="app-passwords__copy-row">
            <code aria-labelledby="webdav-url-label">{url}</code>
            <CopyButton text={url} label="Copy the WebDAV address" />
          </div>
          <p className="field__hint">
            Sign in there with your username <strong>{username}</strong> and an app password.
          </p>
        </div>

        {created !== null && (
          <Alert kind="success" title={`App password "${created.name}" created.`}>
            <p>Copy it now: it is shown only this once.</p>
            <div className="app-passwords__copy-row">
              <code aria-label="New app password">{created.password}</code>
              <CopyButton text={created.password} label="Copy the app password" />
            </div>
            <Button
              variant="ghost"
              onClick={() => {
                setCreated(null);
              }}
            >
              Done
            </Button>
          </Alert>
        )}

        <form className="form" onSubmit={handleSubmit} noValidate aria-label="Create app password">
          {formError !== null && <Alert kind="error">{formError}</Alert>}
          <TextField
            label="Name of the new app password"
            name="appPasswordName"
            value={name}
            error={nameError}
            hint="The device or program that will use it, e.g. Laptop (Finder)."
            maxLength={200}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
          <div className="form__actions">
            <Button type="submit" busy={create.isPending}>
              {create.isPending ? 'Creating…' : 'Create app password'}
            </Button>
          </div>
        </form>

        {passwords.isPending && <Spinner />}
        {passwords.isError && (
          <Alert kind="error">
            {messageOf(passwords.error, 'Your app passwords could not be loaded.')}
          </Alert>
        )}
        {passwords.data !== undefined && passwords.data.length === 0 && (
          <p className="card__description">You have no app passwords yet.</p>
        )}
        {passwords.data !== undefined && passwords.data.length > 0 && (
          <table className="app-passwords__table" aria-label="Your app passwords">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {passwords.data.map((password) => (
                <tr key={password.id}>
                  <td>{password.name}</td>
                  <td>{formatDateTime(password.createdAt)}</td>
                  <td>
                    {password.lastUsedAt === null
                      ? 'Never'
                      : `${formatDateTime(password.lastUsedAt)}${
                          password.lastUsedAddress === null
                            ? ''
                            : ` from ${password.lastUsedAddress}`
                        }`}
                  </td>
                  <td>
                    <Button
                      variant="secondary"
                      onClick={() => {
                        setRevokeError(null);
                        setRevoking(password);
                      }}
                      aria-label={`Revoke ${password.name}`}
                    >
                      Revoke
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {revoking !== null && (
        <ConfirmDialog
          title={`Revoke "${revoking.name}"?`}
          confirmLabel="Revoke"
          danger
          busy={revoke.isPending}
          error={revokeError}
          onConfirm={confirmRevoke}
          onCancel={() => {
            setRevoking(null);
          }}
        >
          Clients that use this app password are signed out at their next request.
        </ConfirmDialog>
      )}
    </Card>
  );
}
