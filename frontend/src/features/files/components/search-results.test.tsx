import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';
import { adminUser, tokens } from '@/testing/mock-api';
import { fetchedUrls, fileNode, folderNode, folderPage, rootNode } from '../testing/fixtures';

describe('Search', () => {
  beforeEach(() => {
    session.end('signed-out');
  });

  it('searches names as you type and shows where each match is', { timeout: 15_000 }, async () => {
    mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('GET', '/api/me', json(adminUser))
      .on('GET', '/api/files/usage', json({ usedBytes: 0, quotaBytes: null, freeBytes: null }))
      .on('GET', '/api/files/folders/root/children', folderPage(rootNode, []))
      .on(
        'GET',
        '/api/files/search',
        json({
          items: [
            { ...fileNode('f1', 'plan.md', { parentId: 'p2' }), path: '/Projects/2025/plan.md' },
            { ...folderNode('p9', 'Plans'), path: '/Plans' },
          ],
          total: 2,
        }),
      );
    const user = userEvent.setup();
    const { router } = renderApp('/files');

    const box = await screen.findByRole('searchbox', { name: 'Search files' }, { timeout: 5000 });
    await user.type(box, 'plan');

    expect(
      await screen.findByRole(
        'heading',
        { level: 1, name: 'Results for “plan”' },
        // The results page's code loads on first use.
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/files/search');
    expect(router.state.location.search).toBe('?q=plan');
    await waitFor(() => {
      expect(fetchedUrls('GET', '/api/files/search').at(-1)?.searchParams.get('q')).toBe('plan');
    });
    // Typing is debounced: not one request per letter.
    expect(fetchedUrls('GET', '/api/files/search').length).toBeLessThanOrEqual(2);

    const table = await screen.findByRole('table', { name: 'Results for “plan”' });
    const file = within(table).getByRole('button', { name: 'plan.md' }).closest('tr');
    expect(file).toHaveTextContent('All files / Projects / 2025');
    expect(
      within(file as HTMLElement).getByRole('link', { name: 'All files / Projects / 2025' }),
    ).toHaveAttribute('href', '/files/p2');
    expect(within(table).getByRole('link', { name: 'Plans' })).toHaveAttribute('href', '/files/p9');
    expect(screen.getByText('2 matches')).toBeInTheDocument();
  });

  it('says when nothing matches', { timeout: 15_000 }, async () => {
    mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('GET', '/api/me', json(adminUser))
      .on('GET', '/api/files/usage', json({ usedBytes: 0, quotaBytes: null, freeBytes: null }))
      .on('GET', '/api/files/search', json({ items: [], total: 0 }));
    renderApp('/files/search?q=zzz');

    expect(await screen.findByText('No matches', undefined, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search files' })).toHaveValue('zzz');
  });
});
