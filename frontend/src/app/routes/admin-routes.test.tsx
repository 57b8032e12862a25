import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, json, mockApi, tokens } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const GIB = 1024 ** 3;

function account(username: string, extra: Record<string, unknown> = {}) {
  return {
    id: `id-${username}`,
    username,
    email: `${username}@example.org`,
    displayName: `User ${username}`,
    role: 'user',
    enabled: true,
    createdAt: '2026-01-01T00:00:00Z',
    lastLoginAt: null,
    mustChangePassword: false,
    twoFactorEnabled: false,
    quotaBytes: 10 * GIB,
    usedBytes: 2 * GIB,
    defaultQuota: true,
    ...extra,
  };
}

const adminAccount = account('admin', { id: String(adminUser.id), role: 'admin' });
const bob = account('bob', { usedBytes: 9.7 * GIB, lastLoginAt: '2026-11-20T10:00:00Z' });
const carol = account('carol', { usedBytes: 0 });

function signedIn(role: 'admin' | 'user') {
  return mockApi()
    .on('POST', '/api/auth/refresh', tokens('token-1'))
    .on('GET', '/api/me', json({ ...adminUser, role }));
}

describe('Admin console', { timeout: 30_000 }, () => {
  it('shows a 403 page and no Admin entry to users who are not admins', async () => {
    signedIn('user');
    renderApp('/admin/users');

    expect(
      await screen.findByText('403 — administrators only', {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).queryByRole('link', { name: 'Admin' })).not.toBeInTheDocument();
  });

  it('lists users with storage and last sign-in, searches and sorts on the server', async () => {
    const api = signedIn('admin').on(
      'GET',
      '/api/admin/users',
      json({ items: [adminAccount, bob, carol], total: 3 }),
    );
    const user = userEvent.setup();
    renderApp('/admin');

    const table = await screen.findByRole('table', { name: 'Users' }, { timeout: 10_000 });
    const bobRow = within(table).getByText('bob').closest('tr');
    expect(bobRow).not.toBeNull();
    const meter = within(bobRow as HTMLElement).getByRole('meter', { name: 'Storage of bob' });
    expect(meter).toHaveAttribute('aria-valuetext', '9.7 GB of 10 GB');
    expect(within(table).getAllByText('Never')).toHaveLength(2);
    expect(
      within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Admin' }),
    ).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Storage' }));
    await waitFor(() => {
      expect(api.requests.at(-1)?.path).toBe('/api/admin/users');
    });
    await user.type(screen.getByLabelText('Search users'), 'bo');
    await waitFor(() => {
      const query = new URLSearchParams(
        (globalThis.fetch as unknown as { mock: { calls: [string][] } }).mock.calls
          .at(-1)?.[0]
          .split('?')[1],
      );
      expect(query.get('search')).toBe('bo');
      expect(query.get('sort')).toBe('usedBytes');
      expect(query.get('page')).toBe('0');
    });
  });

  it('creates a user with a temporary password that must be changed', async () => {
    const api = signedIn('admin')
      .on('GET', '/api/admin/users', json({ items: [adminAccount], total: 1 }))
      .on('POST', '/api/admin/users', json(account('dave', { mustChangePassword: true }), 201));
    const user = userEvent.setup();
    renderApp('/admin/users');

    await user.click(await screen.findByRole('button', { name: 'New user' }, { timeout: 10_000 }));
    const form = screen.getByRole('form', { name: 'New user' });
    await user.type(within(form).getByLabelText('Username'), 'dave');
    await user.type(within(form).getByLabelText('Email'), 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(
      await screen.findByText('Enter an email address such as ada@example.org.'),
    ).toBeInTheDocument();
    expect(api.calls('POST', '/api/admin/users')).toHaveLength(0);

    await user.clear(within(form).getByLabelText('Email'));
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    await waitFor(() => {
      expect(api.calls('POST', '/api/admin/users')).toHaveLength(1);
    });
    const body = api.calls('POST', '/api/admin/users')[0]?.body as Record<string, unknown>;
    expect(body).toMatchObject({
      username: 'dave',
      role: 'user',
      mustChangePassword: true,
      email: null,
    });
    expect(String(body.password)).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  });

  it('deletes a user only after naming the loss, a choice for the files and the username typed back', async () => {
    const api = signedIn('admin')
      .on('GET', '/api/admin/users', json({ items: [adminAccount, bob, carol], total: 3 }))
      .on(
        'GET',
        '/api/admin/users/id-bob/deletion',
        json({
          userId: 'id-bob',
          username: 'bob',
          files: 12,
          folders: 3,
          fileBytes: 5 * 1024 ** 2,
          versions: 2,
          versionBytes: 1024,
          trashItems: 1,
          trashBytes: 300,
          totalBytes: 5 * 1024 ** 2 + 1324,
          allowed: true,
          refusal: null,
        }),
      )
      .on(
        'DELETE',
        '/api/admin/users/id-bob',
        json({
          username: 'bob',
          disposition: 'transfer',
          recipient: 'carol',
          folder: 'From bob',
          files: 12,
          folders: 3,
          bytes: 5 * 1024 ** 2 + 1024,
          trashItems: 1,
        }),
      );
    const user = userEvent.setup();
    renderApp('/admin/users');

    const table = await screen.findByRole('table', { name: 'Users' }, { timeout: 10_000 });
    const row = within(table).getByText('bob').closest('tr') as HTMLElement;
    await user.click(within(row).getByRole('button', { name: 'Actions for bob' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));

    const dialog = await screen.findByRole('dialog', { name: 'Delete bob?' });
    const loss = await within(dialog).findByRole('list', { name: 'What will be lost' });
    expect(loss).toHaveTextContent('12 files in 3 folders, 5 MB');
    expect(loss).toHaveTextContent('2 earlier versions, 1 KB');
    expect(loss).toHaveTextContent('1 item in the trash, 300 B');
    const remove = within(dialog).getByRole('button', { name: 'Delete bob' });
    expect(remove).toBeDisabled();

    await user.type(within(dialog).getByLabelText('Type bob to confirm'), 'bob');
    expect(remove).toBeDisabled(); // no recipient chosen yet
    await user.click(await within(dialog).findByRole('radio', { name: /^carol/ }));
    expect(remove).toBeEnabled();
    await user.click(remove);

    await waitFor(() => {
      expect(api.calls('DELETE', '/api/admin/users/id-bob')).toHaveLength(1);
    });
    const sent = (
      globalThis.fetch as unknown as { mock: { calls: [string, RequestInit][] } }
    ).mock.calls.find(([, init]) => init.method === 'DELETE');
    const query = new URLSearchParams(sent?.[0].split('?')[1]);
    expect(Object.fromEntries(query)).toEqual({
      confirm: 'bob',
      files: 'transfer',
      transferTo: 'id-carol',
    });
  });
});
