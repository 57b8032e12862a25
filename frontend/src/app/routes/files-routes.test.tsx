import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, json, mockApi, tokens } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const root = {
  id: 'root-id',
  name: '',
  type: 'folder',
  parentId: null,
  size: 0,
  mimeType: null,
  createdAt: '2025-01-01T00:00:00Z',
  modifiedAt: '2025-11-01T00:00:00Z',
  etag: 'e0',
  favorite: false,
};
const projects = { ...root, id: 'p1', name: 'Projects', parentId: 'root-id', etag: 'e1' };

describe('Files routes', () => {
  it(
    'opens Files from the sidebar, walks into a folder and back, and reaches the trash',
    { timeout: 15_000 },
    async () => {
      mockApi()
        .on('POST', '/api/auth/refresh', tokens('token-1'))
        .on('GET', '/api/me', json(adminUser))
        .on(
          'GET',
          '/api/files/usage',
          json({ usedBytes: 5_242_880, quotaBytes: 10_485_760, freeBytes: 5_242_880 }),
        )
        .on(
          'GET',
          '/api/files/folders/root/children',
          json({ folder: root, breadcrumbs: [root], items: [projects], total: 1 }),
        )
        .on(
          'GET',
          '/api/files/folders/p1/children',
          json({ folder: projects, breadcrumbs: [root, projects], items: [], total: 0 }),
        )
        .on('GET', '/api/files/trash', json([]));
      const user = userEvent.setup();
      const { router } = renderApp('/');

      const nav = await screen.findByRole('navigation', { name: 'Main' });
      await user.click(within(nav).getByRole('link', { name: 'Files' }));

      expect(
        await screen.findByRole('heading', { level: 1, name: 'All files' }, { timeout: 5000 }),
      ).toBeInTheDocument();
      expect(within(nav).getByRole('link', { name: 'Files' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      expect(screen.getByRole('meter', { name: 'Storage used' })).toHaveAttribute(
        'aria-valuetext',
        '5 MB of 10 MB used',
      );

      await user.click(screen.getByRole('link', { name: 'Projects' }));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Projects' }, { timeout: 5000 }),
      ).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/files/p1');
      expect(screen.getByText('This folder is empty')).toBeInTheDocument();

      const path = screen.getByRole('navigation', { name: 'Folder path' });
      await user.click(within(path).getByRole('link', { name: 'All files' }));
      expect(await screen.findByRole('link', { name: 'Projects' })).toBeInTheDocument();
      expect(router.state.location.pathname).toBe('/files');

      const views = screen.getByRole('navigation', { name: 'File views' });
      await user.click(within(views).getByRole('link', { name: 'Trash' }));
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Trash' }, { timeout: 5000 }),
      ).toBeInTheDocument();
      expect(within(views).getByRole('link', { name: 'Trash' })).toHaveAttribute(
        'aria-current',
        'page',
      );
      expect(within(views).getByRole('link', { name: 'All files' })).not.toHaveAttribute(
        'aria-current',
      );
    },
  );
});
