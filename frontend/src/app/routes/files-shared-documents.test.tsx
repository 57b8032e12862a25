import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, json, mockApi, tokens } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const team = {
  id: 'd1',
  name: 'Team',
  type: 'folder',
  parentId: null,
  size: 0,
  mimeType: null,
  createdAt: '2026-11-20T10:00:00Z',
  modifiedAt: '2026-11-20T10:00:00Z',
  etag: '"e0"',
  favorite: false,
};
const plan = {
  ...team,
  id: 'f1',
  name: 'plan.docx',
  type: 'file',
  parentId: null,
  size: 1234,
  etag: '"e1"',
};
const notes = { ...plan, id: 'f2', name: 'notes.md', size: 10, etag: '"e2"' };

function mockShare(permission: 'read' | 'read-write') {
  return mockApi()
    .on('POST', '/api/auth/refresh', tokens('token-1'))
    .on('GET', '/api/me', json(adminUser))
    .on('GET', '/api/files/usage', json({ usedBytes: 0, quotaBytes: null, freeBytes: null }))
    .on('GET', '/api/shares/marks', json([]))
    .on(
      'GET',
      '/api/shares/incoming',
      json([
        {
          id: 's1',
          permission,
          owner: { id: 'o1', username: 'ada', displayName: 'Ada Lovelace' },
          node: team,
          sharedAt: '2026-11-21T10:00:00Z',
        },
      ]),
    )
    .on(
      'GET',
      '/api/shares/incoming/s1/folders/root/children',
      json({ folder: team, breadcrumbs: [team], items: [notes, plan], total: 2 }),
    )
    .on(
      'GET',
      '/api/office/capabilities',
      json({
        documentServer: true,
        documentServerUrl: 'https://office.example.org',
        editable: ['docx'],
        viewable: ['pdf'],
        text: ['md'],
      }),
    )
    .on(
      'GET',
      '/api/office/folders/root/editing',
      json([{ fileId: 'f1', editors: [{ id: 'o1', name: 'Ada Lovelace' }] }]),
    );
}

// The first render of the app is slow on a busy machine.
describe('Documents in "Shared with me"', { timeout: 30_000 }, () => {
  it('marks who is editing and opens files in the editors through the share', async () => {
    const api = mockShare('read');
    api.on('GET', '/api/shares/incoming/s1/nodes/f2', json({ ...notes, parentId: null }));
    api.on(
      'GET',
      '/api/shares/incoming/s1/files/f2/content',
      new Response('# Notes\n', { headers: { ETag: '"e2"' } }),
    );
    const user = userEvent.setup();
    const { router } = renderApp('/files/shared/s1');

    const table = await screen.findByRole('table', { name: 'Files in Team' }, { timeout: 10_000 });
    const mark = await within(table).findByRole(
      'status',
      { name: 'plan.docx is being edited by Ada Lovelace' },
      { timeout: 10_000 },
    );
    expect(mark).toHaveTextContent('editing: Ada Lovelace');
    // The marks come from one request for the folder, through the share.
    const editing = api.calls('GET', '/api/office/folders/root/editing');
    expect(editing.length).toBeGreaterThan(0);
    expect(
      within(table).getByRole('button', { name: 'Open in document editor: plan.docx' }),
    ).toBeInTheDocument();

    await user.click(within(table).getByRole('button', { name: 'Edit: notes.md' }));
    await waitFor(
      () => {
        expect(router.state.location.pathname).toBe('/documents/text/f2');
      },
      { timeout: 10_000 },
    );
    expect(router.state.location.search).toBe('?share=s1');
    // A read share: the text is shown, but there is nothing to save.
    expect(await screen.findByText('View only', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to folder' })).toHaveAttribute(
      'href',
      '/files/shared/s1',
    );
  });
});
