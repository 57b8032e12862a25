import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { getNotifications } from '@/lib/notifications';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { folderNode, folderPage, noContent, rootNode } from '../testing/fixtures';
import { TrashView } from './trash-view';

const trash = [
  {
    id: 't1',
    name: 'old draft.docx',
    type: 'file',
    size: 24_000,
    trashedAt: '2025-11-20T10:00:00Z',
    originalPath: '/Projects/old draft.docx',
  },
  {
    id: 't2',
    name: 'Old photos',
    type: 'folder',
    size: 0,
    trashedAt: '2025-11-22T10:00:00Z',
    originalPath: '/Old photos',
  },
];

describe('TrashView', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('lists what was deleted, newest first, with where it was', async () => {
    mockApi().on('GET', '/api/files/trash', json(trash));
    renderWithProviders(<TrashView />);

    const table = await screen.findByRole('table', { name: 'Deleted items' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => row.querySelector('.file-name__text')?.textContent)).toEqual([
      'Old photos',
      'old draft.docx',
    ]);
    expect(rows[1]).toHaveTextContent('All files / Projects');
    expect(rows[0]).toHaveTextContent('All files');
  });

  it('restores an item to its original folder', async () => {
    const api = mockApi()
      .on('GET', '/api/files/trash', json(trash))
      .on('GET', '/api/files/trash', json([trash[1]]))
      .on('POST', '/api/files/trash/t1/restore', noContent());
    const user = userEvent.setup();
    renderWithProviders(<TrashView />);

    await user.click(await screen.findByRole('button', { name: 'Restore old draft.docx' }));

    await waitFor(() => {
      expect(screen.queryByText('old draft.docx')).not.toBeInTheDocument();
    });
    expect(api.calls('POST', '/api/files/trash/t1/restore')[0]?.body).toEqual({});
    expect(getNotifications()).toEqual([
      expect.objectContaining({
        kind: 'success',
        title: 'Restored “old draft.docx”',
        message: 'Back in “All files / Projects”.',
      }),
    ]);
  });

  it('offers another folder when the original one is gone', async () => {
    const archive = folderNode('a1', 'Archive');
    const api = mockApi()
      .on('GET', '/api/files/trash', json(trash))
      .on('POST', '/api/files/trash/t1/restore', problem(404, { detail: 'No folder /Projects' }))
      .on('POST', '/api/files/trash/t1/restore', noContent())
      .on('GET', '/api/files/folders/root/children', folderPage(rootNode, [archive]))
      .on('GET', '/api/files/folders/a1/children', folderPage(archive, []));
    const user = userEvent.setup();
    renderWithProviders(<TrashView />);

    await user.click(await screen.findByRole('button', { name: 'Restore old draft.docx' }));

    const dialog = await screen.findByRole('dialog', { name: 'Restore “old draft.docx” to…' });
    expect(dialog).toHaveTextContent(
      'The folder “All files / Projects” no longer exists. Choose where to restore “old draft.docx”.',
    );
    await user.click(await within(dialog).findByRole('button', { name: 'Archive' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Restore to “Archive”' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(api.calls('POST', '/api/files/trash/t1/restore').map((r) => r.body)).toEqual([
      {},
      { parentId: 'a1' },
    ]);
  });

  it('deletes one item forever after asking', async () => {
    const api = mockApi()
      .on('GET', '/api/files/trash', json(trash))
      .on('DELETE', '/api/files/trash/t2', noContent());
    const user = userEvent.setup();
    renderWithProviders(<TrashView />);

    await user.click(await screen.findByRole('button', { name: 'More actions for Old photos' }));
    await user.click(screen.getByRole('menuitem', { name: 'Delete forever' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete “Old photos” forever?' });
    expect(dialog).toHaveTextContent('The folder and everything in it will be deleted for good.');
    expect(api.calls('DELETE', '/api/files/trash/t2')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Delete forever' }));

    await waitFor(() => {
      expect(api.calls('DELETE', '/api/files/trash/t2')).toHaveLength(1);
    });
  });

  it('empties the trash only after confirmation, and can be cancelled', async () => {
    const api = mockApi()
      .on('GET', '/api/files/trash', json(trash))
      .on('GET', '/api/files/trash', json([]))
      .on('DELETE', '/api/files/trash', noContent());
    const user = userEvent.setup();
    renderWithProviders(<TrashView />);

    await screen.findByRole('table', { name: 'Deleted items' });
    await user.click(screen.getByRole('button', { name: 'Empty trash' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Empty the trash?' })).getByRole('button', {
        name: 'Cancel',
      }),
    );
    expect(api.calls('DELETE', '/api/files/trash')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Empty trash' }));
    const dialog = screen.getByRole('dialog', { name: 'Empty the trash?' });
    expect(dialog).toHaveTextContent('2 items');
    await user.click(within(dialog).getByRole('button', { name: 'Delete everything forever' }));

    expect(await screen.findByText('The trash is empty')).toBeInTheDocument();
    expect(api.calls('DELETE', '/api/files/trash')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Empty trash' })).toBeDisabled();
  });
});
