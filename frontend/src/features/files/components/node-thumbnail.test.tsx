import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminUser, json, mockApi, problem, tokens } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

function file(id: string, name: string, mimeType: string, etag: string) {
  return {
    id,
    name,
    type: 'file',
    parentId: 'root-id',
    size: 2048,
    mimeType,
    createdAt: '2025-11-01T00:00:00Z',
    modifiedAt: '2025-11-02T00:00:00Z',
    etag,
    favorite: false,
    path: `/${name}`,
  };
}

describe('Thumbnails in file lists', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows pictures as thumbnails fetched per content, and icons for everything else', async () => {
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:thumbnail-1');
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const api = mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('GET', '/api/me', json(adminUser))
      .on('GET', '/api/files/usage', json({ usedBytes: 0, quotaBytes: null, freeBytes: null }))
      .on(
        'GET',
        '/api/files/recent',
        json([
          file('f1', 'beach.jpg', 'image/jpeg', '"e1"'),
          file('f2', 'broken.png', 'image/png', '"e2"'),
          file('f3', 'notes.txt', 'text/plain', '"e3"'),
        ]),
      )
      .on(
        'GET',
        '/api/files/f1/thumbnail',
        () =>
          new Response(new Uint8Array([137, 80, 78, 71]), {
            headers: { 'Content-Type': 'image/png' },
          }),
      )
      .on('GET', '/api/files/f2/thumbnail', problem(404, { detail: 'There is no thumbnail.' }));

    renderApp('/files/recent');

    const table = await screen.findByRole('table', { name: 'Recent' });
    const beach = within(table).getByRole('row', { name: /beach\.jpg/ });
    const image = await within(beach).findByRole('presentation');
    expect(image).toHaveAttribute('src', 'blob:thumbnail-1');
    expect(createObjectURL).toHaveBeenCalledTimes(1);

    const asked = api.calls('GET', '/api/files/f1/thumbnail')[0];
    expect(new URLSearchParams(asked?.search).get('size')).toBe('64');
    expect(new URLSearchParams(asked?.search).get('v')).toBe('"e1"');
    expect(asked?.headers.get('Authorization')).toBe('Bearer token-1');

    // No thumbnail: the icon stays. Not a picture: nothing is asked for.
    await vi.waitFor(() => {
      expect(api.calls('GET', '/api/files/f2/thumbnail')).toHaveLength(1);
    });
    const broken = within(table).getByRole('row', { name: /broken\.png/ });
    expect(within(broken).queryByRole('presentation')).not.toBeInTheDocument();
    expect(api.calls('GET', '/api/files/f3/thumbnail')).toHaveLength(0);
  });
});
