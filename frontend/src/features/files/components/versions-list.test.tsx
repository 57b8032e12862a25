import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/format';
import { getNotifications } from '@/lib/notifications';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import type { FileNode } from '../api/node';
import { noContent, stubObjectUrls } from '../testing/fixtures';
import { VersionsList } from './versions-list';

const file: FileNode = {
  id: 'f1',
  name: 'plan.md',
  type: 'file',
  parentId: 'root-id',
  size: 120,
  mimeType: 'text/markdown',
  createdAt: '2025-10-01T10:00:00Z',
  modifiedAt: '2025-11-25T10:00:00Z',
  etag: 'e1',
  favorite: false,
  path: null,
};

const older = { id: 'v1', size: 80, sha256: 'aa11bb22cc33', createdAt: '2025-11-01T09:00:00Z' };
const newer = { id: 'v2', size: 100, sha256: 'dd44ee55ff66', createdAt: '2025-11-20T09:00:00Z' };

describe('VersionsList', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('lists earlier versions newest first and restores one', async () => {
    const api = mockApi()
      .on('GET', '/api/files/f1/versions', json([older, newer]))
      .on('POST', '/api/files/f1/versions/v1/restore', json({ ...file, size: 80 }));
    const user = userEvent.setup();
    renderWithProviders(<VersionsList file={file} />);

    const list = await screen.findByRole('list', { name: 'Versions' });
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveTextContent(formatDateTime(newer.createdAt));
    expect(items[0]).toHaveTextContent('100 B · dd44ee55');
    expect(items[1]).toHaveTextContent(formatDateTime(older.createdAt));

    await user.click(
      screen.getByRole('button', {
        name: `Restore version from ${formatDateTime(older.createdAt)}`,
      }),
    );

    await waitFor(() => {
      expect(getNotifications()).toEqual([
        expect.objectContaining({
          kind: 'success',
          title: `Restored the version from ${formatDateTime(older.createdAt)}`,
        }),
      ]);
    });
    expect(api.calls('POST', '/api/files/f1/versions/v1/restore')).toHaveLength(1);
    // The list is read again: restoring adds the replaced content as a version.
    expect(api.calls('GET', '/api/files/f1/versions').length).toBeGreaterThanOrEqual(2);
  });

  it('shows why a restore failed', async () => {
    mockApi()
      .on('GET', '/api/files/f1/versions', json([older]))
      .on(
        'POST',
        '/api/files/f1/versions/v1/restore',
        problem(507, { detail: 'Not enough space: 10 KB free.' }),
      );
    const user = userEvent.setup();
    renderWithProviders(<VersionsList file={file} />);

    await user.click(await screen.findByRole('button', { name: /^Restore version from/ }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Not enough space: 10 KB free.');
  });

  it('deletes a version after asking', async () => {
    const api = mockApi()
      .on('GET', '/api/files/f1/versions', json([older, newer]))
      .on('GET', '/api/files/f1/versions', json([newer]))
      .on('DELETE', '/api/files/f1/versions/v1', noContent());
    const user = userEvent.setup();
    renderWithProviders(<VersionsList file={file} />);

    await user.click(
      await screen.findByRole('button', {
        name: `Delete version from ${formatDateTime(older.createdAt)}`,
      }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Delete this version?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete version' }));

    await waitFor(() => {
      expect(
        within(screen.getByRole('list', { name: 'Versions' })).getAllByRole('listitem'),
      ).toHaveLength(1);
    });
    expect(api.calls('DELETE', '/api/files/f1/versions/v1')).toHaveLength(1);
  });

  it('downloads a version through the authorized fetch', async () => {
    stubObjectUrls('blob:version');
    const click = vi
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => undefined);
    const api = mockApi()
      .on('GET', '/api/files/f1/versions', json([older]))
      .on('GET', '/api/files/f1/versions/v1/content', new Response('old content'));
    const user = userEvent.setup();
    renderWithProviders(<VersionsList file={file} />);

    await user.click(await screen.findByRole('button', { name: /^Download version from/ }));

    await waitFor(() => {
      expect(click).toHaveBeenCalled();
    });
    expect(
      api.calls('GET', '/api/files/f1/versions/v1/content')[0]?.headers.get('Authorization'),
    ).toBe('Bearer token-1');
    const link = click.mock.contexts[0] as HTMLAnchorElement;
    expect(link.download).toBe('plan (2025-11-01-09-00-00).md');
    expect(link.href).toBe('blob:version');
  });
});
