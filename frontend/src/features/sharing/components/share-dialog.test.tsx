import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { getNotifications } from '@/lib/notifications';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ShareDialog } from './share-dialog';

const folder = { id: 'f1', name: 'Projects', type: 'folder' as const };
const link = {
  id: 'l1',
  nodeId: 'f1',
  token: 'abcdefghijklmnopqrstuvwxyz012345',
  path: '/s/abcdefghijklmnopqrstuvwxyz012345',
  permission: 'read',
  hasPassword: true,
  expiresAt: null,
  downloadCount: 3,
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
};
const userShare = {
  id: 'u1',
  nodeId: 'f1',
  recipient: { id: 'r1', username: 'bob', displayName: 'Bob Builder' },
  permission: 'read',
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:00:00Z',
};

// The first render of a file is slow on a busy machine.
describe('ShareDialog', { timeout: 20_000 }, () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('lists people and links with the link address, password state and downloads', async () => {
    mockApi().on('GET', '/api/shares', json({ nodeId: 'f1', users: [userShare], links: [link] }));
    renderWithProviders(<ShareDialog node={folder} onClose={() => {}} />);

    const people = await screen.findByRole('list', { name: 'People with access' });
    expect(people).toHaveTextContent('Bob Builder');
    expect(within(people).getByRole('combobox', { name: 'Permission of bob' })).toHaveValue('read');
    const links = screen.getByRole('list', { name: 'Public links' });
    expect(within(links).getByRole('textbox', { name: 'Link address' })).toHaveValue(
      `${window.location.origin}/s/abcdefghijklmnopqrstuvwxyz012345`,
    );
    expect(links).toHaveTextContent('password protected');
    expect(links).toHaveTextContent('3 downloads');
  });

  it('creates a file drop with a password and an expiry, and shows the policy refusal', async () => {
    const api = mockApi()
      .on('GET', '/api/shares', json({ nodeId: 'f1', users: [], links: [] }))
      .on(
        'POST',
        '/api/shares/links',
        problem(400, {
          title: 'Invalid input',
          detail: 'password: This password is one of the most commonly used ones',
          errors: [
            { field: 'password', message: 'This password is one of the most commonly used ones' },
          ],
        }),
      )
      .on('POST', '/api/shares/links', json({ ...link, permission: 'upload' }, 201));
    renderWithProviders(<ShareDialog node={folder} onClose={() => {}} />);
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: 'New public link' });
    await user.selectOptions(
      within(form).getByRole('combobox', { name: 'What visitors of the new link may do' }),
      'upload',
    );
    await user.click(within(form).getByLabelText('Password (optional)'));
    await user.paste('password1');
    await user.click(within(form).getByRole('button', { name: 'Create link' }));
    expect(await within(form).findByText(/most commonly used/)).toBeInTheDocument();

    const password = within(form).getByLabelText('Password (optional)');
    await user.clear(password);
    await user.paste('a much better passphrase');
    await user.type(within(form).getByLabelText('Expires on (optional)'), '2026-12-31');
    await user.click(within(form).getByRole('button', { name: 'Create link' }));

    const sent = api.calls('POST', '/api/shares/links');
    await expect.poll(() => sent.length).toBe(2);
    expect(sent[1]?.body).toEqual({
      nodeId: 'f1',
      permission: 'upload',
      password: 'a much better passphrase',
      expiresAt: '2026-12-31T23:59:59Z',
    });
  });

  it('shares with a user and says when there is no such user', async () => {
    const api = mockApi()
      .on('GET', '/api/shares', json({ nodeId: 'f1', users: [], links: [] }))
      .on(
        'POST',
        '/api/shares/users',
        problem(400, {
          errors: [{ field: 'username', message: "There is no user named 'bobb'." }],
        }),
      );
    renderWithProviders(<ShareDialog node={folder} onClose={() => {}} />);
    const user = userEvent.setup();

    await user.click(await screen.findByLabelText('Share with (username)'));
    await user.paste('bobb');
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Permission for the new share' }),
      'read-write',
    );
    await user.click(screen.getByRole('button', { name: 'Share' }));
    expect(await screen.findByText("There is no user named 'bobb'.")).toBeInTheDocument();
    expect(api.calls('POST', '/api/shares/users')[0]?.body).toEqual({
      nodeId: 'f1',
      username: 'bobb',
      permission: 'read-write',
    });
  });

  it('says the link was revoked even when its row is gone before the answer arrives', async () => {
    let answer: (response: Response) => void = () => {};
    const api = mockApi()
      .on('GET', '/api/shares', json({ nodeId: 'f1', users: [], links: [link] }))
      .on('GET', '/api/shares', json({ nodeId: 'f1', users: [], links: [] }))
      .on(
        'DELETE',
        '/api/shares/l1',
        () =>
          new Promise<Response>((resolve) => {
            answer = resolve;
          }),
      );
    const view = renderWithProviders(<ShareDialog node={folder} onClose={() => {}} />);
    const user = userEvent.setup();

    const links = await screen.findByRole('list', { name: 'Public links' });
    await user.click(within(links).getByRole('button', { name: 'Revoke' }));
    await waitFor(() => {
      expect(api.calls('DELETE', '/api/shares/l1')).toHaveLength(1);
    });
    // The row (here the whole dialog) unmounts first, as when the refreshed list no longer has the link.
    view.unmount();
    answer(new Response(null, { status: 204 }));
    await waitFor(() => {
      expect(getNotifications()).toEqual([
        expect.objectContaining({ kind: 'success', title: 'Link revoked' }),
      ]);
    });
  });
});
