import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { getNotifications } from '@/lib/notifications';
import { deferred, json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { dismissUndo } from '../stores/undo';
import {
  fetchedUrls,
  fileNode,
  folderNode,
  folderPage,
  noContent,
  rootNode,
} from '../testing/fixtures';
import { FilesLayout } from './files-layout';
import { FolderView } from './folder-view';

const ROOT_CHILDREN = '/api/files/folders/root/children';
/** The same folder addressed by the id the server gave it (the picker starts there). */
const ROOT_BY_ID = '/api/files/folders/root-id/children';

function rowNames(): string[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('.file-name__link')?.textContent ?? '');
}

/** The files API with storage usage answered, which the layout always asks for. */
function mockFilesApi() {
  return mockApi().on(
    'GET',
    '/api/files/usage',
    json({ usedBytes: 1_048_576, quotaBytes: 10_485_760, freeBytes: 9_437_184 }),
  );
}

function renderFolder(folderId = 'root') {
  const user = userEvent.setup();
  const view = renderWithProviders(
    <FilesLayout>
      <FolderView folderId={folderId} />
    </FilesLayout>,
  );
  return { user, ...view };
}

describe('FolderView', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  afterEach(() => {
    dismissUndo();
  });

  it('lists folders first, asks the server for the sort and re-sorts by a clicked column', async () => {
    const api = mockFilesApi()
      .on(
        'GET',
        ROOT_CHILDREN,
        folderPage(rootNode, [
          fileNode('a', 'agenda.txt', { size: 300 }),
          folderNode('z', 'Zeta'),
          fileNode('b', 'budget.ods', { size: 9000 }),
          folderNode('c', 'Clients'),
        ]),
      )
      .on(
        'GET',
        ROOT_CHILDREN,
        folderPage(rootNode, [
          fileNode('b', 'budget.ods', { size: 9000 }),
          folderNode('z', 'Zeta'),
          fileNode('a', 'agenda.txt', { size: 300 }),
          folderNode('c', 'Clients'),
        ]),
      );
    const { user } = renderFolder();

    await screen.findByRole('table', { name: 'Contents of All files' });
    // The server's order inside each group, folders before files.
    expect(rowNames()).toEqual(['Zeta', 'Clients', 'agenda.txt', 'budget.ods']);
    const first = fetchedUrls('GET', ROOT_CHILDREN)[0];
    expect(first?.searchParams.get('sort')).toBe('name');
    expect(first?.searchParams.get('order')).toBe('asc');
    expect(first?.searchParams.get('size')).toBe('200');
    expect(screen.getByRole('columnheader', { name: /Name/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    );

    await user.click(screen.getByRole('button', { name: 'Size' }));

    await waitFor(() => {
      expect(rowNames()).toEqual(['Zeta', 'Clients', 'budget.ods', 'agenda.txt']);
    });
    const second = fetchedUrls('GET', ROOT_CHILDREN)[1];
    expect(second?.searchParams.get('sort')).toBe('size');
    expect(second?.searchParams.get('order')).toBe('desc');
    expect(screen.getByRole('columnheader', { name: /Size/ })).toHaveAttribute(
      'aria-sort',
      'descending',
    );
    expect(api.calls('GET', ROOT_CHILDREN)).toHaveLength(2);
  });

  it('shows the path from All files to the folder, the folder itself as the heading', async () => {
    const projects = folderNode('p1', 'Projects');
    const year = folderNode('p2', '2025', { parentId: 'p1' });
    mockFilesApi().on(
      'GET',
      '/api/files/folders/p2/children',
      // This server leaves the folder itself out of the breadcrumbs; both shapes are accepted.
      folderPage(year, [fileNode('f1', 'plan.md', { parentId: 'p2' })], [rootNode, projects]),
    );
    renderFolder('p2');

    const path = await screen.findByRole('navigation', { name: 'Folder path' });
    const links = within(path).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['All files', '/files'],
      ['Projects', '/files/p1'],
    ]);
    const current = within(path).getByRole('heading', { level: 1, name: '2025' });
    expect(current).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('button', { name: 'plan.md' })).toBeInTheDocument();
  });

  it('explains that a folder name is taken and keeps the dialog open', async () => {
    const api = mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, [folderNode('p1', 'Projects')]))
      .on(
        'POST',
        '/api/files/folders/root-id/folders',
        problem(409, { title: 'Conflict', detail: 'Node exists' }),
      );
    const { user } = renderFolder();

    await user.click(await screen.findByRole('button', { name: 'New folder' }));
    const dialog = screen.getByRole('dialog', { name: 'New folder' });
    const field = within(dialog).getByLabelText('Folder name');
    expect(field).toHaveFocus();
    await user.clear(field);
    await user.type(field, 'Projects');
    await user.click(within(dialog).getByRole('button', { name: 'Create folder' }));

    expect(
      await within(dialog).findByText(
        'A file or folder named “Projects” already exists in “All files”.',
      ),
    ).toBeInTheDocument();
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls('POST', '/api/files/folders/root-id/folders')[0]?.body).toEqual({
      name: 'Projects',
    });
    expect(screen.getByRole('dialog', { name: 'New folder' })).toBeInTheDocument();
  });

  it('checks a new name before renaming (F2) and sends only a valid one', async () => {
    const api = mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, [fileNode('f1', 'report.txt')]))
      .on('PATCH', '/api/files/f1', json(fileNode('f1', 'report-final.txt')));
    const { user } = renderFolder();

    const name = await screen.findByRole('button', { name: 'report.txt' });
    name.focus();
    await user.keyboard('{F2}');
    const dialog = screen.getByRole('dialog', { name: 'Rename file' });
    const field = within(dialog).getByLabelText('New name');
    const submit = within(dialog).getByRole('button', { name: 'Rename' });

    const refused: [string, string][] = [
      ['a/b.txt', 'Names cannot contain / or \\.'],
      ['back\\slash', 'Names cannot contain / or \\.'],
      ['..', '“..” is reserved and cannot be used as a name.'],
      ['tab\there', 'Names cannot contain control characters such as line breaks or tabs.'],
      ['é'.repeat(128), 'The name is too long: 256 bytes'],
      ['   ', 'Enter a name.'],
    ];
    for (const [value, message] of refused) {
      await user.clear(field);
      await user.click(field);
      await user.paste(value);
      await user.click(submit);
      expect(within(dialog).getByText(new RegExp(`^${escape(message)}`))).toBeInTheDocument();
      expect(field).toHaveAttribute('aria-invalid', 'true');
    }
    expect(api.calls('PATCH', '/api/files/f1')).toHaveLength(0);

    await user.clear(field);
    await user.type(field, 'report-final.txt');
    await user.click(submit);

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(api.calls('PATCH', '/api/files/f1')[0]?.body).toEqual({ name: 'report-final.txt' });
  });

  it('shows the server refusing a rename because the name is taken', async () => {
    mockFilesApi()
      .on(
        'GET',
        ROOT_CHILDREN,
        folderPage(rootNode, [fileNode('f1', 'a.txt'), fileNode('f2', 'b.txt')]),
      )
      .on('PATCH', '/api/files/f1', problem(409, { detail: 'exists' }));
    const { user } = renderFolder();

    await user.click(await screen.findByRole('button', { name: 'Actions for a.txt' }));
    await user.click(screen.getByRole('menuitem', { name: 'Rename' }));
    const field = screen.getByLabelText('New name');
    await user.clear(field);
    await user.type(field, 'b.txt');
    await user.keyboard('{Enter}');

    expect(
      await screen.findByText('A file or folder named “b.txt” already exists here.'),
    ).toBeInTheDocument();
  });

  it('selects a range with shift-click and deletes it after confirming, with undo', async () => {
    const items = [
      fileNode('f1', 'one.txt'),
      fileNode('f2', 'two.txt'),
      fileNode('f3', 'three.txt'),
      fileNode('f4', 'four.txt'),
    ];
    const api = mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, items))
      .on('DELETE', '/api/files/f1', noContent())
      .on('DELETE', '/api/files/f2', noContent())
      .on('DELETE', '/api/files/f3', noContent())
      .on('POST', '/api/files/trash/f1/restore', json(items[0]))
      .on('POST', '/api/files/trash/f2/restore', json(items[1]))
      .on('POST', '/api/files/trash/f3/restore', json(items[2]));
    const { user } = renderFolder();

    await user.click(await screen.findByRole('checkbox', { name: 'Select one.txt' }));
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select three.txt' }));
    await user.keyboard('{/Shift}');

    const toolbar = screen.getByRole('toolbar', { name: 'Selected items' });
    expect(toolbar).toHaveTextContent('3 items selected');
    expect(screen.getByRole('checkbox', { name: 'Select two.txt' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select four.txt' })).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Select all' })).toHaveProperty(
      'indeterminate',
      true,
    );

    // The Delete key asks first; nothing is deleted yet.
    await user.keyboard('{Delete}');
    const confirm = screen.getByRole('dialog', { name: 'Delete 3 items?' });
    expect(api.requests.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    await user.click(within(confirm).getByRole('button', { name: 'Move to trash' }));

    expect(await screen.findByText('Moved 3 items to the trash')).toBeInTheDocument();
    expect(
      api.requests
        .filter((r) => r.method === 'DELETE')
        .map((r) => r.path)
        .sort(),
    ).toEqual(['/api/files/f1', '/api/files/f2', '/api/files/f3']);

    await user.click(screen.getByRole('button', { name: 'Undo' }));

    await waitFor(() => {
      expect(screen.queryByText('Moved 3 items to the trash')).not.toBeInTheDocument();
    });
    expect(
      api.requests
        .filter((r) => r.method === 'POST' && r.path.startsWith('/api/files/trash/'))
        .map((r) => r.path)
        .sort(),
    ).toEqual([
      '/api/files/trash/f1/restore',
      '/api/files/trash/f2/restore',
      '/api/files/trash/f3/restore',
    ]);
  });

  it('selects everything with the header checkbox and clears with Escape', async () => {
    mockFilesApi().on(
      'GET',
      ROOT_CHILDREN,
      folderPage(rootNode, [fileNode('f1', 'one.txt'), folderNode('d1', 'Docs')]),
    );
    const { user } = renderFolder();

    await user.click(await screen.findByRole('checkbox', { name: 'Select all' }));
    expect(screen.getByRole('toolbar', { name: 'Selected items' })).toHaveTextContent(
      '2 items selected',
    );
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('toolbar', { name: 'Selected items' })).not.toBeInTheDocument();
  });

  it('moves a file into a folder chosen in the folder picker', async () => {
    const projects = folderNode('p1', 'Projects');
    const api = mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, [projects, fileNode('f1', 'notes.txt')]))
      .on('GET', ROOT_BY_ID, folderPage(rootNode, [projects, fileNode('f1', 'notes.txt')]))
      .on(
        'GET',
        '/api/files/folders/p1/children',
        folderPage(projects, [folderNode('p2', '2025', { parentId: 'p1' })]),
      )
      .on('PATCH', '/api/files/f1', json(fileNode('f1', 'notes.txt', { parentId: 'p1' })));
    const { user } = renderFolder();

    await user.click(await screen.findByRole('button', { name: 'Actions for notes.txt' }));
    await user.click(screen.getByRole('menuitem', { name: 'Move or copy' }));
    const dialog = screen.getByRole('dialog', { name: 'Move or copy “notes.txt”' });

    // Already in All files: moving there would do nothing.
    expect(
      await within(dialog).findByRole('button', { name: 'Move to “All files”' }),
    ).toBeDisabled();

    await user.click(within(dialog).getByRole('button', { name: 'Projects' }));
    expect(await within(dialog).findByRole('button', { name: '2025' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Move to “Projects”' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(api.calls('PATCH', '/api/files/f1')[0]?.body).toEqual({ parentId: 'p1' });
    expect(getNotifications()).toEqual([
      expect.objectContaining({ kind: 'success', title: 'Moved “notes.txt” to “Projects”' }),
    ]);
  });

  it('reports a move that collides with a name in the destination', async () => {
    const projects = folderNode('p1', 'Projects');
    mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, [projects, fileNode('f1', 'notes.txt')]))
      .on('GET', ROOT_BY_ID, folderPage(rootNode, [projects, fileNode('f1', 'notes.txt')]))
      .on('GET', '/api/files/folders/p1/children', folderPage(projects, []))
      .on('PATCH', '/api/files/f1', problem(409, { detail: 'exists' }));
    const { user } = renderFolder();

    await user.click(await screen.findByRole('checkbox', { name: 'Select notes.txt' }));
    await user.click(screen.getByRole('button', { name: 'Move or copy' }));
    const dialog = screen.getByRole('dialog');
    await user.click(await within(dialog).findByRole('button', { name: 'Projects' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Move to “Projects”' }));

    expect(
      await within(dialog).findByText(
        'A file or folder named “notes.txt” already exists in “Projects”.',
      ),
    ).toBeInTheDocument();
  });

  it('says so when the folder does not exist', async () => {
    mockFilesApi().on(
      'GET',
      '/api/files/folders/gone/children',
      problem(404, { detail: 'No folder' }),
    );
    renderFolder('gone');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Folder not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to All files' })).toHaveAttribute('href', '/files');
  });

  it('marks a favourite at once and tells the server', async () => {
    const answer = deferred<Response>();
    const api = mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, [fileNode('f1', 'notes.txt')]))
      .on(
        'GET',
        ROOT_CHILDREN,
        folderPage(rootNode, [fileNode('f1', 'notes.txt', { favorite: true })]),
      )
      .on('PUT', '/api/files/f1/favorite', () => answer.promise);
    const { user } = renderFolder();

    const star = await screen.findByRole('button', { name: 'Favourite notes.txt' });
    expect(star).toHaveAttribute('aria-pressed', 'false');
    await user.click(star);

    // Before the server answered.
    expect(star).toHaveAttribute('aria-pressed', 'true');
    expect(api.calls('PUT', '/api/files/f1/favorite')).toHaveLength(1);
    answer.resolve(noContent());
    await waitFor(() => {
      expect(api.calls('GET', ROOT_CHILDREN)).toHaveLength(2);
    });
    expect(star).toHaveAttribute('aria-pressed', 'true');
  });

  it('takes a favourite back when the server refuses it', async () => {
    mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, [fileNode('f1', 'notes.txt')]))
      .on('PUT', '/api/files/f1/favorite', problem(404, { detail: 'gone' }));
    const { user } = renderFolder();

    const star = await screen.findByRole('button', { name: 'Favourite notes.txt' });
    await user.click(star);

    await waitFor(() => {
      expect(star).toHaveAttribute('aria-pressed', 'false');
    });
    expect(getNotifications()).toEqual([
      expect.objectContaining({
        title: 'Not added to favourites',
        message: '“notes.txt” no longer exists. It may have been moved or deleted meanwhile.',
      }),
    ]);
  });

  it('previews a text file as text', async () => {
    const api = mockFilesApi()
      .on('GET', ROOT_CHILDREN, folderPage(rootNode, [fileNode('f1', 'notes.txt')]))
      .on(
        'GET',
        '/api/files/f1/content',
        new Response('<b>not markup</b>\nsecond line', {
          status: 206,
          headers: { 'Content-Type': 'text/plain', 'Content-Range': 'bytes 0-29/30' },
        }),
      );
    const { user } = renderFolder();

    await user.click(await screen.findByRole('button', { name: 'notes.txt' }));

    const text = await screen.findByLabelText('Contents of notes.txt');
    expect(text.tagName).toBe('PRE');
    expect(text.textContent).toBe('<b>not markup</b>\nsecond line');
    expect(text.querySelector('b')).toBeNull();
    expect(api.calls('GET', '/api/files/f1/content')[0]?.headers.get('Range')).toBe(
      'bytes=0-524287',
    );
    await act(async () => {
      await user.keyboard('{Escape}');
    });
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
