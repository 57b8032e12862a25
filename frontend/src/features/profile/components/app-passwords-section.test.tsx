import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { AppPasswordsSection, webdavUrl } from './app-passwords-section';

const laptop = {
  id: 'a1',
  name: 'Laptop',
  createdAt: '2026-11-20T10:00:00Z',
  lastUsedAt: '2026-11-25T08:30:00Z',
  lastUsedAddress: '192.0.2.7',
};

describe('AppPasswordsSection', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('shows the WebDAV address of the user and the existing app passwords', async () => {
    mockApi().on('GET', '/api/me/app-passwords', json([laptop]));
    renderWithProviders(<AppPasswordsSection username="anna maria" />);

    expect(screen.getByText(webdavUrl('anna maria'))).toBeInTheDocument();
    expect(webdavUrl('anna maria', 'https://ws.example.org')).toBe(
      'https://ws.example.org/dav/files/anna%20maria/',
    );
    const table = await screen.findByRole('table', { name: 'Your app passwords' });
    expect(within(table).getByText('Laptop')).toBeInTheDocument();
    expect(within(table).getByText(/from 192\.0\.2\.7/)).toBeInTheDocument();
  });

  it('asks for a name before creating one', async () => {
    const api = mockApi().on('GET', '/api/me/app-passwords', json([]));
    const user = userEvent.setup();
    renderWithProviders(<AppPasswordsSection username="anna" />);

    await user.click(screen.getByRole('button', { name: 'Create app password' }));

    expect(screen.getByText(/Name it after the device/)).toBeInTheDocument();
    expect(api.calls('POST', '/api/me/app-passwords')).toHaveLength(0);
  });

  it('creates one and shows the password once', async () => {
    const api = mockApi()
      .on('GET', '/api/me/app-passwords', json([]))
      .on(
        'POST',
        '/api/me/app-passwords',
        json(
          {
            id: 'n1',
            name: 'Phone',
            createdAt: '2026-11-26T10:00:00Z',
            password: 'abcde-fghij-kmnop-qrstu-vwxyz-23456',
            username: 'anna',
            webdavPath: '/dav/files/anna/',
          },
          201,
        ),
      );
    const user = userEvent.setup();
    renderWithProviders(<AppPasswordsSection username="anna" />);

    await user.type(screen.getByLabelText('Name of the new app password'), 'Phone');
    await user.click(screen.getByRole('button', { name: 'Create app password' }));

    expect(await screen.findByLabelText('New app password')).toHaveTextContent(
      'abcde-fghij-kmnop-qrstu-vwxyz-23456',
    );
    expect(screen.getByText(/shown only this once/)).toBeInTheDocument();
    expect(api.calls('POST', '/api/me/app-passwords')[0]?.body).toEqual({ name: 'Phone' });

    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(screen.queryByLabelText('New app password')).not.toBeInTheDocument();
  });

  it('revokes after confirming and shows why a revocation failed', async () => {
    const api = mockApi()
      .on('GET', '/api/me/app-passwords', json([laptop]))
      .on('GET', '/api/me/app-passwords', json([laptop]))
      .on('GET', '/api/me/app-passwords', json([]))
      .on(
        'DELETE',
        '/api/me/app-passwords/a1',
        problem(404, { title: 'App password not found', detail: 'You have no app password a1.' }),
      )
      .on('DELETE', '/api/me/app-passwords/a1', new Response(null, { status: 204 }));
    const user = userEvent.setup();
    renderWithProviders(<AppPasswordsSection username="anna" />);

    await user.click(await screen.findByRole('button', { name: 'Revoke Laptop' }));
    const dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await within(dialog).findByText('You have no app password a1.')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Revoke' }));
    expect(await screen.findByText('You have no app passwords yet.')).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(api.calls('DELETE', '/api/me/app-passwords/a1')).toHaveLength(2);
  });
});
