import { useState, type SyntheticEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { notify } from '@/lib/notifications';
import {
  useChangeLink,
  useChangeUserShare,
  useCreateLink,
  useNodeShares,
  useRemoveShare,
  useShareWithUser,
} from '../api/node-shares';
import type { LinkPermission, ShareLink, UserPermission } from '../api/schemas';
import { fieldMessage, messageOf } from '../utils/errors';
import { endOfDay, formatDay } from '../utils/format';

export interface ShareTarget {
  id: string;
  name: string;
  type: 'file' | 'folder';
}

/** The full address of a link's public page. */
export function linkUrl(link: ShareLink): string {
  return `${window.location.origin}${link.path}`;
}

/**
 * Sharing of one file or folder: with people (read or read-write), and by public link (read or,
 * for folders, upload-only; optional password and expiry; copy, download count, revoke).
 */
export function ShareDialog({ node, onClose }: { node: ShareTarget; onClose: () => void }) {
  const shares = useNodeShares(node.id);
  return (
    <Dialog title={`Share “${node.name}”`} onClose={onClose} size="wide" className="share-dialog">
      {shares.isPending ? (
        <Spinner label="Loading the shares" />
      ) : shares.isError ? (
        <Alert kind="error" title="The shares could not be loaded">
          {messageOf(shares.error, 'Try again.')}
        </Alert>
      ) : (
        <>
          <section className="share-section" aria-labelledby="share-people">
            <h3 id="share-people" className="share-section__title">
              People
            </h3>
            <UserShareForm nodeId={node.id} />
            {shares.data.users.length === 0 ? (
              <p className="share-section__empty">Not shared with anyone yet.</p>
            ) : (
              <ul className="share-list" aria-label="People with access">
                {shares.data.users.map((share) => (
                  <UserShareRow key={share.id} share={share} />
                ))}
              </ul>
            )}
          </section>
          <section className="share-section" aria-labelledby="share-links">
            <h3 id="share-links" className="share-section__title">
              Public links
            </h3>
            {shares.data.links.length > 0 && (
              <ul className="share-list" aria-label="Public links">
                {shares.data.links.map((link) => (
                  <LinkRow key={link.id} link={link} isFolder={node.type === 'folder'} />
                ))}
              </ul>
            )}
            <LinkForm nodeId={node.id} isFolder={node.type === 'folder'} />
          </section>
        </>
      )}
    </Dialog>
  );
}

function PermissionSelect<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled,
}: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  disabled?: boolean;
}) {
  return (
    <label className="share-select">
      <span className="visually-hidden">{label}</span>
      <select
        className="field__input"
        value={value}
        disabled={disabled}
        onChange={(event) => {
          onChange(event.target.value as T);
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const userPermissions = [
  { value: 'read', label: 'Can view' },
  { value: 'read-write', label: 'Can edit' },
] as const;

function UserShareForm({ nodeId }: { nodeId: string }) {
  const [username, setUsername] = useState('');
  const [permission, setPermission] = useState<UserPermission>('read');
  const share = useShareWithUser();

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    share.mutate(
      { nodeId, username: username.trim(), permission },
      {
        onSuccess: (created) => {
          setUsername('');
          notify('success', `Shared with ${created.recipient.username}`);
        },
      },
    );
  }

  return (
    <form className="share-form" onSubmit={submit}>
      <TextField
        label="Share with (username)"
        value={username}
        autoComplete="off"
        onChange={(event) => {
          setUsername(event.target.value);
        }}
        error={
          share.isError
            ? (fieldMessage(share.error, 'username') ?? messageOf(share.error, 'Not shared.'))
            : undefined
        }
      />
      <PermissionSelect
        label="Permission for the new share"
        value={permission}
        options={userPermissions}
        onChange={setPermission}
      />
      <Button type="submit" busy={share.isPending} disabled={username.trim() === ''}>
        Share
      </Button>
    </form>
  );
}

function UserShareRow({
  share,
}: {
  share: {
    id: string;
    permission: UserPermission;
    recipient: { username: string; displayName: string | null };
  };
}) {
  const change = useChangeUserShare();
  const remove = useRemoveShare();
  const who = share.recipient.displayName ?? share.recipient.username;
  return (
    <li className="share-row">
      <span className="share-row__who">
        {who} <span className="share-row__meta">({share.recipient.username})</span>
      </span>
      <PermissionSelect
        label={`Permission of ${share.recipient.username}`}
        value={share.permission}
        options={userPermissions}
        disabled={change.isPending}
        onChange={(permission) => {
          change.mutate(
            { id: share.id, permission },
            {
              onError: (error) => {
                notify('error', 'Not changed', messageOf(error, 'Try again.'));
              },
            },
          );
        }}
      />
      <Button
        variant="ghost"
        busy={remove.isPending}
        aria-label={`Stop sharing with ${share.recipient.username}`}
        onClick={() => {
          remove.mutate(
            { id: share.id },
            {
              onError: (error) => {
                notify('error', 'Not removed', messageOf(error, 'Try again.'));
              },
            },
          );
        }}
      >
        Remove
      </Button>
    </li>
  );
}

function LinkRow({ link, isFolder }: { link: ShareLink; isFolder: boolean }) {
  const remove = useRemoveShare({
    onSuccess: () => {
      notify('success', 'Link revoked');
    },
    onError: (error) => {
      notify('error', 'Not revoked', messageOf(error, 'Try again.'));
    },
  });
  const change = useChangeLink();
  const [editing, setEditing] = useState(false);
  const [password, setPassword] = useState('');
  const url = linkUrl(link);

  function copy() {
    navigator.clipboard.writeText(url).then(
      () => {
        notify('success', 'Link copied');
      },
      () => {
        notify('info', 'Copy the link from the field', 'The browser did not allow copying.');
      },
    );
  }

  return (
    <li className="share-row share-row--link">
      <div className="share-link">
        <input
          className="field__input share-link__url"
          readOnly
          value={url}
          aria-label="Link address"
          onFocus={(event) => {
            event.target.select();
          }}
        />
        <Button variant="secondary" onClick={copy}>
          Copy link
        </Button>
        <Button
          variant="ghost"
          busy={remove.isPending}
          onClick={() => {
            remove.mutate({ id: link.id });
          }}
        >
          Revoke
        </Button>
      </div>
      <p className="share-row__meta">
        {link.permission === 'upload' ? 'Upload only (file drop)' : 'View and download'} ·{' '}
        {link.hasPassword ? 'password protected' : 'no password'} ·{' '}
        {link.expiresAt === null ? 'no expiry' : `expires ${formatDay(link.expiresAt)}`} ·{' '}
        <span data-testid="download-count">
          {link.downloadCount} {link.downloadCount === 1 ? 'download' : 'downloads'}
        </span>
      </p>
      {editing ? (
        <form
          className="share-form"
          onSubmit={(event) => {
            event.preventDefault();
            change.mutate(
              { id: link.id, password },
              {
                onSuccess: () => {
                  setEditing(false);
                  setPassword('');
                  notify('success', 'Password changed', 'Visitors must enter the new one.');
                },
              },
            );
          }}
        >
          <TextField
            label="New password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => {
              setPassword(event.target.value);
            }}
            error={change.isError ? messageOf(change.error, 'Not changed.') : undefined}
          />
          <Button type="submit" busy={change.isPending} disabled={password === ''}>
            Save password
          </Button>
          <Button
            variant="ghost"
            onClick={() => {
              setEditing(false);
            }}
          >
            Cancel
          </Button>
        </form>
      ) : (
        <div className="share-row__actions">
          <Button
            variant="ghost"
            onClick={() => {
              setEditing(true);
            }}
          >
            {link.hasPassword ? 'Change password' : 'Set password'}
          </Button>
          {link.hasPassword && (
            <Button
              variant="ghost"
              onClick={() => {
                change.mutate(
                  { id: link.id, removePassword: true },
                  {
                    onError: (error) => {
                      notify('error', 'Password kept', messageOf(error, 'Try again.'));
                    },
                  },
                );
              }}
            >
              Remove password
            </Button>
          )}
          {isFolder && (
            <Button
              variant="ghost"
              onClick={() => {
                change.mutate({
                  id: link.id,
                  permission: link.permission === 'upload' ? 'read' : 'upload',
                });
              }}
            >
              {link.permission === 'upload' ? 'Allow viewing instead' : 'Make it a file drop'}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function LinkForm({ nodeId, isFolder }: { nodeId: string; isFolder: boolean }) {
  const [permission, setPermission] = useState<LinkPermission>('read');
  const [password, setPassword] = useState('');
  const [expiry, setExpiry] = useState('');
  const create = useCreateLink();

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    create.mutate(
      {
        nodeId,
        permission,
        ...(password === '' ? {} : { password }),
        ...(expiry === '' ? {} : { expiresAt: endOfDay(expiry) }),
      },
      {
        onSuccess: () => {
          setPassword('');
          setExpiry('');
          notify('success', 'Link created', 'Copy it and send it to whoever should have it.');
        },
      },
    );
  }

  const passwordError = create.isError ? fieldMessage(create.error, 'password') : undefined;
  const expiryError = create.isError ? fieldMessage(create.error, 'expiresAt') : undefined;
  return (
    <form className="share-form share-form--link" onSubmit={submit} aria-label="New public link">
      {isFolder && (
        <PermissionSelect
          label="What visitors of the new link may do"
          value={permission}
          options={[
            { value: 'read', label: 'View and download' },
            { value: 'upload', label: 'Upload only (file drop)' },
          ]}
          onChange={setPermission}
        />
      )}
      <TextField
        label="Password (optional)"
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => {
          setPassword(event.target.value);
        }}
        error={passwordError}
      />
      <TextField
        label="Expires on (optional)"
        type="date"
        value={expiry}
        onChange={(event) => {
          setExpiry(event.target.value);
        }}
        error={expiryError}
      />
      <Button type="submit" busy={create.isPending}>
        Create link
      </Button>
      {create.isError && passwordError === undefined && expiryError === undefined && (
        <Alert kind="error">{messageOf(create.error, 'The link was not created.')}</Alert>
      )}
    </form>
  );
}
