import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { PublicSharePage } from './public-share-page';

const token = 'abcdefghijklmnopqrstuvwxyz012345';
const base = `/api/public/shares/${token}`;
const file = {
  id: 'n1',
  name: 'report.zip',
  type: 'file',
  parentId: null,
  size: 2048,
  mimeType: 'application/zip',
  createdAt: '2026-11-20T10:00:00Z',
  modifiedAt: '2026-11-20T10:00:00Z',
  etag: '"e1"',
  favorite: false,
};

// The first render of a file is slow on a busy machine.
describe('PublicSharePage', { timeout: 20_000 }, () => {
  it('asks for the password, says when it is wrong, then shows the file with its download', async () => {
    const api = mockApi()
      .on('GET', base, json({ passwordRequired: true, unlocked: false }))
      .on(
        'GET',
        base,
        json({
          permission: 'read',
          passwordRequired: true,
          unlocked: true,
          node: file,
          sharedBy: 'Ada',
        }),
      )
      .on('POST', `${base}/unlock`, problem(403, { title: 'Wrong password' }))
      .on('POST', `${base}/unlock`, json({ sessionToken: 's', expiresIn: 28800 }))
      .on('GET', `${base}/content`, new Response('PK'));
    renderWithProviders(<PublicSharePage token={token} />);
    const user = userEvent.setup();

    await screen.findByRole('heading', { name: 'This link is protected' });
    await user.click(screen.getByLabelText('Password'));
    await user.paste('guess');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByText('That password is not correct.')).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Password'));
    await user.paste('right one');
    await user.click(screen.getByRole('button', { name: 'Open' }));
    expect(await screen.findByRole('heading', { name: 'report.zip' })).toBeInTheDocument();
    expect(screen.getByText(/Shared by Ada/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download' })).toHaveAttribute(
      'href',
      `${base}/content`,
    );
    expect(api.calls('POST', `${base}/unlock`)[1]?.headers.get('Authorization')).toBeNull();
  });

  it('says the same for unknown, revoked and expired links', async () => {
    mockApi().on('GET', base, problem(404, { title: 'Share not found' }));
    renderWithProviders(<PublicSharePage token={token} />);
    expect(
      await screen.findByRole('heading', { name: 'This link does not work' }),
    ).toBeInTheDocument();
  });

  it('shows a file drop without listing the folder', async () => {
    const folder = { ...file, id: 'd1', name: 'Inbox', type: 'folder', mimeType: null };
    const api = mockApi().on(
      'GET',
      base,
      json({
        permission: 'upload',
        passwordRequired: false,
        unlocked: true,
        node: folder,
        sharedBy: 'Ada',
      }),
    );
    renderWithProviders(<PublicSharePage token={token} />);
    expect(
      await screen.findByRole('heading', { name: 'Upload files to “Inbox”' }),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Choose files to upload')).toBeInTheDocument();
    expect(api.calls('GET', `${base}/folders/root/children`)).toHaveLength(0);
  });
});
