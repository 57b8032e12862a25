import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { SharedWithMeView } from './shared-with-me-view';

const node = {
  id: 'n1',
  name: 'Team plans',
  type: 'folder',
  parentId: null,
  size: 0,
  mimeType: null,
  createdAt: '2026-11-20T10:00:00Z',
  modifiedAt: '2026-11-20T10:00:00Z',
  etag: '"e"',
  favorite: false,
};

// The first render of a file is slow on a busy machine.
describe('SharedWithMeView', { timeout: 20_000 }, () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('lists what others share, with owner and access, linking into the share', async () => {
    mockApi().on(
      'GET',
      '/api/shares/incoming',
      json([
        {
          id: 's1',
          permission: 'read-write',
          owner: { id: 'o1', username: 'ada', displayName: 'Ada Lovelace' },
          node,
          sharedAt: '2026-11-21T10:00:00Z',
        },
      ]),
    );
    renderWithProviders(<SharedWithMeView />);

    const table = await screen.findByRole('table', { name: 'Shared with me' });
    const row = within(table).getAllByRole('row')[1];
    expect(row).toHaveTextContent('Ada Lovelace');
    expect(row).toHaveTextContent('Can edit');
    expect(within(table).getByRole('link', { name: 'Team plans' })).toHaveAttribute(
      'href',
      '/files/shared/s1',
    );
  });

  it('says when nothing is shared', async () => {
    mockApi().on('GET', '/api/shares/incoming', json([]));
    renderWithProviders(<SharedWithMeView />);
    expect(await screen.findByText('Nothing is shared with you yet')).toBeInTheDocument();
  });
});
