import { useEffect, useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Menu, type MenuItem } from '@/components/menu';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import { formatDateTime, formatRole } from '@/lib/format';
import { notify } from '@/lib/notifications';
import type { AdminUser, UserListParams, UserSort } from '../api/admin-user';
import { useUsers } from '../api/list-users';
import { useResetTwoFactor, useSetUserEnabled } from '../api/user-actions';
import { DeleteUserDialog } from './delete-user-dialog';
import { Pager } from './pager';
import { UsageBar } from './usage-bar';
import { CreateUserDialog, EditUserDialog, QuotaDialog, ResetPasswordDialog } from './user-dialogs';

const PAGE_SIZE = 25;

type Open =
  | { kind: 'create' }
  | { kind: 'edit' | 'password' | 'quota' | 'delete' | 'disable' | 'twoFactor'; user: AdminUser }
  | null;

const columns: { sort: UserSort; label: string }[] = [
  { sort: 'username', label: 'User' },
  { sort: 'email', label: 'Email' },
  { sort: 'role', label: 'Role' },
  { sort: 'enabled', label: 'Status' },
  { sort: 'usedBytes', label: 'Storage' },
  { sort: 'lastLoginAt', label: 'Last sign-in' },
];

/** Users: search, sort, pages, and every action an admin takes on an account. */
export function UsersPage({ currentUserId }: { currentUserId: string }) {
  const [text, setText] = useState('');
  const [params, setParams] = useState<UserListParams>({
    search: '',
    sort: 'username',
    dir: 'asc',
    page: 0,
    size: PAGE_SIZE,
  });
  const [open, setOpen] = useState<Open>(null);
  const users = useUsers(params);
  const setEnabled = useSetUserEnabled();
  const resetTwoFactor = useResetTwoFactor();

  // Searching starts a moment after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => {
      setParams((p) => (p.search === text.trim() ? p : { ...p, search: text.trim(), page: 0 }));
    }, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [text]);

  function sortBy(sort: UserSort) {
    setParams((p) => ({
      ...p,
      sort,
      dir: p.sort === sort && p.dir === 'asc' ? 'desc' : 'asc',
      page: 0,
    }));
  }

  function close() {
    setOpen(null);
    setEnabled.reset();
    resetTwoFactor.reset();
  }

  function actionsFor(user: AdminUser): MenuItem[] {
    const self = user.id === currentUserId;
    return [
      {
        label: 'Edit name, email, role',
        onSelect: () => {
          setOpen({ kind: 'edit', user });
        },
      },
      {
        label: 'Reset password',
        onSelect: () => {
          setOpen({ kind: 'password', user });
        },
      },
      {
        label: 'Set quota',
        onSelect: () => {
          setOpen({ kind: 'quota', user });
        },
      },
      user.enabled
        ? {
            label: 'Disable',
            disabled: self,
            onSelect: () => {
              setOpen({ kind: 'disable', user });
            },
          }
        : {
            label: 'Enable',
            onSelect: () => {
              setEnabled.mutate(
                { id: user.id, enabled: true },
                {
                  onSuccess: () => {
                    notify('success', `${user.username} is enabled again`);
                  },
                  onError: (error) => {
                    notify('error', 'Not enabled', errorText(error, 'Enabling failed.'));
                  },
                },
              );
            },
          },
      {
        label: 'Reset two-factor sign-in',
        disabled: !user.twoFactorEnabled,
        onSelect: () => {
          setOpen({ kind: 'twoFactor', user });
        },
      },
      {
        label: 'Delete…',
        danger: true,
        disabled: self,
        onSelect: () => {
          setOpen({ kind: 'delete', user });
        },
      },
    ];
  }

  return (
    <section aria-label="Users">
      <div className="admin-toolbar">
        <TextField
          label="Search users"
          type="search"
          name="search"
          value={text}
          maxLength={100}
          placeholder="Username, name or email"
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <span className="admin-toolbar__spacer" />
        <Button
          onClick={() => {
            setOpen({ kind: 'create' });
          }}
        >
          New user
        </Button>
      </div>

      {users.isPending && <Spinner label="Loading users…" />}
      {users.isError && (
        <Alert kind="error" title="Users could not be loaded">
          {users.error.message}
        </Alert>
      )}
      {users.data !== undefined && (
        <>
          <div className="admin-table-wrapper">
            <table className="admin-table" aria-label="Users" aria-busy={users.isFetching}>
              <thead>
                <tr>
                  {columns.map((column) => (
                    <th
                      key={column.sort}
                      aria-sort={
                        params.sort === column.sort
                          ? params.dir === 'asc'
                            ? 'ascending'
                            : 'descending'
                          : undefined
                      }
                    >
                      <button
                        type="button"
                        className="admin-sort"
                        onClick={() => {
                          sortBy(column.sort);
                        }}
                      >
                        {column.label}
                        {params.sort === column.sort && (params.dir === 'asc' ? ' ▲' : ' ▼')}
                      </button>
                    </th>
                  ))}
                  <th className="admin-table__actions">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.id} data-username={user.username}>
                    <td>
                      <strong>{user.username}</strong>
                      {user.displayName !== null && user.displayName !== user.username && (
                        <span className="admin-table__sub">{user.displayName}</span>
                      )}
                    </td>
                    <td>{user.email ?? <span className="muted">—</span>}</td>
                    <td>{formatRole(user.role)}</td>
                    <td>
                      {user.enabled ? (
                        <span className="admin-badge admin-badge--good">Enabled</span>
                      ) : (
                        <span className="admin-badge admin-badge--bad">Disabled</span>
                      )}
                      {user.twoFactorEnabled && <span className="admin-badge">2FA</span>}
                      {user.mustChangePassword && (
                        <span className="admin-badge admin-badge--warn">Temporary password</span>
                      )}
                    </td>
                    <td>
                      <UsageBar
                        usedBytes={user.usedBytes}
                        quotaBytes={user.quotaBytes}
                        username={user.username}
                      />
                      {!user.defaultQuota && <span className="admin-table__sub">Own quota</span>}
                    </td>
                    <td>
                      {user.lastLoginAt === null ? (
                        <span className="muted">Never</span>
                      ) : (
                        formatDateTime(user.lastLoginAt)
                      )}
                    </td>
                    <td className="admin-table__actions">
                      <Menu
                        label={`Actions for ${user.username}`}
                        buttonClassName="button button--secondary button--small"
                        items={actionsFor(user)}
                      >
                        Actions
                      </Menu>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={params.page}
            size={params.size}
            total={users.data.total}
            busy={users.isFetching}
            onPage={(page) => {
              setParams((p) => ({ ...p, page }));
            }}
          />
        </>
      )}

      {open?.kind === 'create' && <CreateUserDialog onClose={close} />}
      {open?.kind === 'edit' && (
        <EditUserDialog user={open.user} self={open.user.id === currentUserId} onClose={close} />
      )}
      {open?.kind === 'password' && <ResetPasswordDialog user={open.user} onClose={close} />}
      {open?.kind === 'quota' && <QuotaDialog user={open.user} onClose={close} />}
      {open?.kind === 'delete' && <DeleteUserDialog user={open.user} onClose={close} />}
      {open?.kind === 'disable' && (
        <ConfirmDialog
          title={`Disable ${open.user.username}?`}
          confirmLabel="Disable"
          danger
          busy={setEnabled.isPending}
          error={setEnabled.isError ? errorText(setEnabled.error, 'Disabling failed.') : null}
          onCancel={close}
          onConfirm={() => {
            setEnabled.mutate(
              { id: open.user.id, enabled: false },
              {
                onSuccess: () => {
                  notify(
                    'success',
                    `${open.user.username} is disabled`,
                    'Every session has ended.',
                  );
                  close();
                },
              },
            );
          }}
        >
          <p>
            {open.user.username} is signed out everywhere at once and cannot sign in until enabled
            again. Files stay as they are.
          </p>
        </ConfirmDialog>
      )}
      {open?.kind === 'twoFactor' && (
        <ConfirmDialog
          title={`Reset two-factor sign-in of ${open.user.username}?`}
          confirmLabel="Reset"
          danger
          busy={resetTwoFactor.isPending}
          error={
            resetTwoFactor.isError ? errorText(resetTwoFactor.error, 'Resetting failed.') : null
          }
          onCancel={close}
          onConfirm={() => {
            resetTwoFactor.mutate(open.user.id, {
              onSuccess: () => {
                notify('success', `Two-factor sign-in of ${open.user.username} was reset`);
                close();
              },
            });
          }}
        >
          <p>
            The authenticator app and the recovery codes stop working; {open.user.username} signs in
            with the password alone until setting up a new one.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

export function errorText(error: unknown, fallback: string): string {
  return error instanceof ApiError ? error.userMessage : fallback;
}
