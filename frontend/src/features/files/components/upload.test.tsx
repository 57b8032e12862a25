import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { uploadQueue } from '../stores/upload-queue';
import { FakeXhr, installFakeXhr } from '../testing/fake-xhr';
import { fileNode, folderNode, folderPage, rootNode } from '../testing/fixtures';
import { FilesLayout } from './files-layout';
import { FolderView } from './folder-view';

const ROOT_CHILDREN = '/api/files/folders/root/children';

function mockFilesApi(items = [fileNode('f1', 'existing.txt')]) {
  return mockApi()
    .on(
      'GET',
      '/api/files/usage',
      json({ usedBytes: 0, quotaBytes: 10_000_000, freeBytes: 10_000_000 }),
    )
    .on('GET', ROOT_CHILDREN, folderPage(rootNode, items));
}

async function renderFolder() {
  const user = userEvent.setup();
  renderWithProviders(
    <FilesLayout>
      <FolderView folderId="root" />
    </FilesLayout>,
  );
  await screen.findByRole('table');
  return user;
}

function fileOf(name: string, size: number, type = 'video/mp4'): File {
  return new File([new Uint8Array(size)], name, { type });
}

async function nextXhr(count: number): Promise<FakeXhr> {
  await waitFor(() => {
    expect(FakeXhr.instances).toHaveLength(count);
  });
  return FakeXhr.instances[count - 1] as FakeXhr;
}

/** The monotonic clock the upload speed is measured with. */
let clock = 0;

describe('Uploads', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
    installFakeXhr();
    clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
  });

  afterEach(() => {
    uploadQueue.reset();
  });

  it('sends the file with the token, shows progress and speed, and can cancel and retry', async () => {
    mockFilesApi();
    const user = await renderFolder();

    await user.upload(screen.getByLabelText('Upload files'), fileOf('holiday clip.mp4', 4000));

    const xhr = await nextXhr(1);
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe('/api/files/folders/root-id/files/holiday%20clip.mp4?onConflict=replace');
    expect(xhr.requestHeaders.Authorization).toBe('Bearer token-1');
    expect(xhr.requestHeaders['Content-Type']).toBe('video/mp4');
    expect(xhr.body).toBeInstanceOf(File);

    act(() => {
      clock = 1000;
      xhr.progress(1000, 4000);
    });
    act(() => {
      clock = 2000;
      xhr.progress(2000, 4000);
    });

    const panel = screen.getByRole('region', { name: 'Uploads' });
    const bar = within(panel).getByRole('progressbar', { name: 'Uploading holiday clip.mp4' });
    expect(bar).toHaveAttribute('aria-valuenow', '2000');
    expect(bar).toHaveAttribute('aria-valuemax', '4000');
    // 2000 bytes in 2 s: 1000 B/s, 2 s left.
    expect(panel).toHaveTextContent('2 KB of 3.9 KB · 1000 B/s · 2 s left');
    expect(panel).toHaveTextContent('Uploading 1 file');

    await user.click(
      within(panel).getByRole('button', { name: 'Cancel upload of holiday clip.mp4' }),
    );

    expect(xhr.aborted).toBe(true);
    expect(panel).toHaveTextContent('Cancelled');
    expect(within(panel).queryByRole('progressbar')).not.toBeInTheDocument();

    // "Retry" sends the whole file again: resumable uploads are not there yet.
    await user.click(
      within(panel).getByRole('button', { name: 'Retry upload of holiday clip.mp4' }),
    );
    const again = await nextXhr(2);
    expect(again.url).toBe(xhr.url);
    act(() => {
      again.respond(201, fileNode('n1', 'holiday clip.mp4', { size: 4000 }));
    });

    expect(await within(panel).findByText(/Uploaded · 3.9 KB/)).toBeInTheDocument();
    expect(panel).toHaveTextContent('1 file uploaded');
  });

  it('shows how much space is left when the server answers 507', async () => {
    mockFilesApi();
    const user = await renderFolder();

    await user.upload(screen.getByLabelText('Upload files'), fileOf('backup.tar', 5000, ''));
    const xhr = await nextXhr(1);
    expect(xhr.requestHeaders['Content-Type']).toBe('application/octet-stream');
    act(() => {
      xhr.respond(507, {
        type: 'about:blank',
        title: 'Insufficient Storage',
        status: 507,
        detail: 'Not enough space: 1.2 MB free, the file needs 4.9 MB.',
      });
    });

    const panel = screen.getByRole('region', { name: 'Uploads' });
    expect(await within(panel).findByRole('alert')).toHaveTextContent(
      'Not enough space: 1.2 MB free, the file needs 4.9 MB.',
    );
    expect(panel).toHaveTextContent('1 upload failed');
    expect(within(panel).getByRole('button', { name: 'Retry upload of backup.tar' })).toBeEnabled();
  });

  it('explains a lost connection and a name the server refuses', async () => {
    mockFilesApi();
    const user = await renderFolder();

    await user.upload(screen.getByLabelText('Upload files'), [
      fileOf('a.bin', 10),
      fileOf('b.bin', 10),
    ]);
    await nextXhr(2);
    const [first, second] = FakeXhr.instances as [FakeXhr, FakeXhr];
    act(() => {
      first.failNetwork();
      second.respond(400, {
        title: 'Bad Request',
        status: 400,
        detail: 'The name “b.bin” is reserved.',
      });
    });

    const panel = screen.getByRole('region', { name: 'Uploads' });
    await waitFor(() => {
      expect(within(panel).getAllByRole('alert')).toHaveLength(2);
    });
    expect(panel).toHaveTextContent(
      'Cannot reach the server. Check your connection and try again.',
    );
    expect(panel).toHaveTextContent('The name “b.bin” is reserved.');
  });

  it('asks before replacing a file of the same name, and can keep both', async () => {
    mockFilesApi([fileNode('f1', 'report.pdf')]);
    const user = await renderFolder();

    await user.upload(
      screen.getByLabelText('Upload files'),
      fileOf('report.pdf', 10, 'application/pdf'),
    );

    const dialog = screen.getByRole('dialog', { name: '“report.pdf” already exists' });
    expect(FakeXhr.instances).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Keep both' }));

    const xhr = await nextXhr(1);
    expect(xhr.url).toBe('/api/files/folders/root-id/files/report.pdf?onConflict=rename');
    act(() => {
      xhr.respond(201, fileNode('n1', 'report (2).pdf'));
    });
    // The panel shows the name the server chose.
    expect(await screen.findByText('report (2).pdf')).toBeInTheDocument();
  });

  it('uploads a dropped folder: creates its folders (reusing one that exists), then the files', async () => {
    const photos = folderNode('p1', 'Photos');
    const api = mockFilesApi()
      .on('POST', '/api/files/folders/root-id/folders', json(photos, 201))
      .on('POST', '/api/files/folders/p1/folders', problem(409, { detail: 'exists' }))
      .on(
        'GET',
        '/api/files/folders/p1/children',
        folderPage(photos, [
          fileNode('x', '2024-notes.txt', { parentId: 'p1' }),
          folderNode('p2', '2024', { parentId: 'p1' }),
        ]),
      );
    await renderFolder();

    const beach = fileOf('beach.jpg', 30, 'image/jpeg');
    const cover = fileOf('cover.png', 20, 'image/png');
    const tree = directory('Photos', [fileEntry(cover), directory('2024', [fileEntry(beach)])]);
    const dropTarget = screen.getByRole('table').closest('section') as HTMLElement;
    fireEvent.dragEnter(dropTarget, { dataTransfer: { types: ['Files'] } });
    expect(screen.getByText('Drop to upload to “All files”')).toBeInTheDocument();
    fireEvent.drop(dropTarget, {
      dataTransfer: {
        types: ['Files'],
        files: [],
        items: [{ kind: 'file', webkitGetAsEntry: () => tree }],
      },
    });

    await nextXhr(2);
    const urls = FakeXhr.instances.map((x) => x.url).sort();
    expect(urls).toEqual([
      '/api/files/folders/p1/files/cover.png?onConflict=replace',
      '/api/files/folders/p2/files/beach.jpg?onConflict=replace',
    ]);
    expect(api.calls('POST', '/api/files/folders/root-id/folders').map((r) => r.body)).toEqual([
      { name: 'Photos' },
    ]);
    expect(api.calls('POST', '/api/files/folders/p1/folders').map((r) => r.body)).toEqual([
      { name: '2024' },
    ]);
    expect(screen.getByText('Photos/2024/beach.jpg')).toBeInTheDocument();
    expect(screen.queryByText('Drop to upload to “All files”')).not.toBeInTheDocument();
  });
});

interface FakeEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

function fileEntry(file: File): FakeEntry & { file: (ok: (f: File) => void) => void } {
  return {
    name: file.name,
    isFile: true,
    isDirectory: false,
    file: (ok) => {
      ok(file);
    },
  };
}

/** A directory whose reader answers in two batches, then an empty one, like Chromium. */
function directory(name: string, children: FakeEntry[]) {
  return {
    name,
    isFile: false,
    isDirectory: true,
    createReader: () => {
      const batches = [children.slice(0, 1), children.slice(1), []];
      return {
        readEntries: (ok: (entries: FakeEntry[]) => void) => {
          ok(batches.shift() ?? []);
        },
      };
    },
  };
}
