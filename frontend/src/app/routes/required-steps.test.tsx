import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, json, mockApi, tokens } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

describe('Steps before the workspace', { timeout: 30_000 }, () => {
  it('makes a user with a temporary password choose a new one before anything else', async () => {
    const api = mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('GET', '/api/me', json({ ...adminUser, role: 'user', mustChangePassword: true }))
      .on('GET', '/api/me', json({ ...adminUser, role: 'user', mustChangePassword: false }))
      .on('POST', '/api/me/password', tokens('token-2'));
    const user = userEvent.setup();
    renderApp('/files');

    expect(
      await screen.findByRole('heading', { name: 'Choose a new password' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();

    const form = screen.getByRole('form', { name: 'Change password' });
    await user.type(within(form).getByLabelText('Current password'), 'temporary-pass');
    await user.type(within(form).getByLabelText('New password'), 'my own passphrase');
    await user.type(within(form).getByLabelText('Confirm new password'), 'my own passphrase');
    await user.click(within(form).getByRole('button', { name: 'Change password' }));

    expect(
      await screen.findByRole('navigation', { name: 'Main' }, { timeout: 10_000 }),
    ).toBeInTheDocument();
    expect(api.calls('POST', '/api/me/password')[0]?.body).toEqual({
      currentPassword: 'temporary-pass',
      newPassword: 'my own passphrase',
    });
  });

  it('makes a user whose second factor is required set it up first', async () => {
    mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on(
        'GET',
        '/api/me',
        json({ ...adminUser, twoFactorRequired: true, twoFactorEnabled: false }),
      )
      .on(
        'GET',
        '/api/me/2fa',
        json({ enabled: false, pending: false, recoveryCodesLeft: 0, required: true }),
      )
      .on(
        'POST',
        '/api/me/2fa/enrol',
        json({
          secret: 'JBSWY3DPEHPK3PXP',
          otpauthUri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
          qrCode: 'data:image/svg+xml;base64,PHN2Zy8+',
        }),
      );
    const user = userEvent.setup();
    renderApp('/');

    expect(
      await screen.findByRole(
        'heading',
        { name: 'Set up two-factor sign-in' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();

    const setUp = await screen.findByRole(
      'button',
      { name: 'Set up two-factor sign-in' },
      { timeout: 10_000 },
    );
    expect(
      screen.getByText(/Your administrator requires a second factor\. With it/),
    ).toBeInTheDocument();
    await user.click(setUp);
    expect(
      await screen.findByRole('img', { name: 'QR code for the authenticator app' }),
    ).toHaveAttribute('src', 'data:image/svg+xml;base64,PHN2Zy8+');
    expect(screen.getByTestId('totp-secret')).toHaveTextContent('JBSWY3DPEHPK3PXP');
    expect(screen.queryByRole('navigation', { name: 'Main' })).not.toBeInTheDocument();
  });
});
