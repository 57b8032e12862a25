import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { notify } from '@/lib/notifications';
import type { AdminUser } from '../api/admin-user';
import { useDeleteUser, useDeletionPreview, type DeletionPreview } from '../api/delete-user';
import { useUsers } from '../api/list-users';
import { formatBytes, plural } from '../utils/format';
import { errorText } from './users-page';

/**
 * Deletes an account after saying exactly what goes with it, letting the admin either hand the
 * files to another user or remove them, and asking for the username to be typed back.
 */
export function DeleteUserDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const preview = useDeletionPreview(user.id);
  const remove = useDeleteUser();
  const [disposition, setDisposition] = useState<'transfer' | 'remove'>('transfer');
  const [recipient, setRecipient] = useState<AdminUser | null>(null);
  const [typed, setTyped] = useState('');

  const confirmed = typed.trim().toLowerCase() === user.username.toLowerCase();
  const hasFiles = preview.data !== undefined && preview.data.files + preview.data.folders > 0;
  const needsRecipient = disposition === 'transfer' && hasFiles;
  const ready =
    preview.data?.allowed === true && confirmed && (!needsRecipient || recipient !== null);

  function submit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!ready) {
      return;
    }
    const input =
      needsRecipient && recipient !== null
        ? {
            id: user.id,
            confirm: typed.trim(),
            files: 'transfer' as const,
            transferTo: recipient.id,
          }
        : { id: user.id, confirm: typed.trim(), files: 'remove' as const };
    remove.mutate(input, {
      onSuccess: (result) => {
        notify(
          'success',
          `${result.username} was deleted`,
          result.disposition === 'transfer' && result.recipient !== null
            ? `${plural(result.files, 'file')} moved to ${result.recipient}, folder “${result.folder ?? ''}”.`
            : `${plural(result.files, 'file')} removed.`,
        );
        onClose();
      },
    });
  }

  return (
    <Dialog
      title={`Delete ${user.username}?`}
      onClose={onClose}
      dismissable={!remove.isPending}
      size="wide"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={remove.isPending}>
            Cancel
          </Button>
          <Button
            type="submit"
            form="delete-user"
            className="button--danger"
            busy={remove.isPending}
            disabled={!ready}
          >
            Delete {user.username}
          </Button>
        </>
      }
    >
      {preview.isPending && <Spinner label="Counting the user’s files…" />}
      {preview.isError && (
        <Alert kind="error">
          {errorText(preview.error, 'What the user holds could not be counted.')}
        </Alert>
      )}
      {preview.data !== undefined && (
        <form
          id="delete-user"
          className="form"
          onSubmit={submit}
          noValidate
          aria-label="Delete user"
        >
          {!preview.data.allowed && <Alert kind="error">{preview.data.refusal}</Alert>}
          <Loss preview={preview.data} />
          {hasFiles && (
            <fieldset className="stack">
              <legend className="field__label">What happens to the files?</legend>
              <label className="admin-choice">
                <input
                  type="radio"
                  name="disposition"
                  value="transfer"
                  checked={disposition === 'transfer'}
                  onChange={() => {
                    setDisposition('transfer');
                  }}
                />
                <span>
                  Transfer them (with their versions) to another user, into a folder “From{' '}
                  {user.username}”
                </span>
              </label>
              {disposition === 'transfer' && (
                <RecipientPicker exclude={user.id} selected={recipient} onSelect={setRecipient} />
              )}
              <label className="admin-choice">
                <input
                  type="radio"
                  name="disposition"
                  value="remove"
                  checked={disposition === 'remove'}
                  onChange={() => {
                    setDisposition('remove');
                  }}
                />
                <span>Remove them for good</span>
              </label>
            </fieldset>
          )}
          <TextField
            label={`Type ${user.username} to confirm`}
            name="confirm"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={typed}
            onChange={(e) => {
              setTyped(e.target.value);
            }}
          />
          {remove.isError && (
            <Alert kind="error" title="Not deleted">
              {errorText(remove.error, 'Deleting failed. Nothing was changed.')}
            </Alert>
          )}
        </form>
      )}
    </Dialog>
  );
}

function Loss({ preview }: { preview: DeletionPreview }) {
  return (
    <div>
      <p>
        The account, its sessions and its two-factor sign-in are deleted. This cannot be undone.
      </p>
      <ul className="admin-loss" aria-label="What will be lost">
        <li>
          {plural(preview.files, 'file')} in {plural(preview.folders, 'folder')},{' '}
          {formatBytes(preview.fileBytes)}
        </li>
        <li>
          {plural(preview.versions, 'earlier version')}, {formatBytes(preview.versionBytes)}
        </li>
        <li>
          {plural(preview.trashItems, 'item')} in the trash, {formatBytes(preview.trashBytes)} —
          always removed
        </li>
      </ul>
    </div>
  );
}

function RecipientPicker({
  exclude,
  selected,
  onSelect,
}: {
  exclude: string;
  selected: AdminUser | null;
  onSelect: (user: AdminUser | null) => void;
}) {
  const [search, setSearch] = useState('');
  const candidates = useUsers({
    search: search.trim(),
    sort: 'username',
    dir: 'asc',
    page: 0,
    size: 8,
  });
  const options = (candidates.data?.items ?? []).filter((u) => u.id !== exclude);
  return (
    <div className="stack">
      <TextField
        label="Recipient"
        name="recipient-search"
        type="search"
        placeholder="Search by username, name or email"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          onSelect(null);
        }}
      />
      <div role="radiogroup" aria-label="Recipient">
        {options.map((option) => (
          <label className="admin-choice" key={option.id}>
            <input
              type="radio"
              name="recipient"
              value={option.id}
              checked={selected?.id === option.id}
              onChange={() => {
                onSelect(option);
              }}
            />
            <span>
              {option.username}
              {option.displayName !== null && option.displayName !== option.username
                ? ` (${option.displayName})`
                : ''}{' '}
              — {formatBytes(Math.max(0, option.quotaBytes - option.usedBytes))} free
            </span>
          </label>
        ))}
        {candidates.data !== undefined && options.length === 0 && (
          <p className="muted">No other user matches.</p>
        )}
      </div>
    </div>
  );
}
