import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { SettingsPage } from './settings-page';

const overview = {
  values: {
    'audit.retentionDays': 365,
    'shares.passwordRequired': false,
    'mail.allowedSecurityModes': ['ssl', 'starttls'],
    'inventory.url': '',
  },
  defaults: {
    'audit.retentionDays': 365,
    'shares.passwordRequired': false,
    'mail.allowedSecurityModes': ['ssl', 'starttls'],
    'inventory.url': '',
  },
  secrets: [
    { name: 'JWT_SECRET_KEY', set: true },
    { name: 'INVENTORY_PRO_SHARED_SECRET', set: false },
  ],
  catalog: [
    {
      name: 'audit.retentionDays',
      kind: 'number',
      description: 'Days audit events are kept',
      min: 0,
      max: 36500,
      environmentVariable: 'AUDIT_RETENTION_DAYS',
    },
    {
      name: 'shares.passwordRequired',
      kind: 'boolean',
      description: 'Whether every share link needs a password',
      environmentVariable: 'SHARES_PASSWORD_REQUIRED',
    },
    {
      name: 'mail.allowedSecurityModes',
      kind: 'choices',
      description: 'Connection security users may choose',
      choices: ['none', 'ssl', 'starttls'],
      max: 3,
      environmentVariable: 'MAIL_ALLOWED_SECURITY_MODES',
    },
    {
      name: 'inventory.url',
      kind: 'url',
      description: 'InventoryPro address',
      environmentVariable: 'INVENTORY_PRO_URL',
    },
  ],
};

describe('SettingsPage', { timeout: 20_000 }, () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('builds the form from the catalog and shows secrets only as set or not set', async () => {
    mockApi().on('GET', '/api/admin/settings', json(overview));
    renderWithProviders(<SettingsPage />);

    expect(await screen.findByLabelText('Days audit events are kept')).toHaveValue('365');
    expect(
      screen.getByText(/0 – 36500\. Default: 365 \(AUDIT_RETENTION_DAYS\)/),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Whether every share link needs a password')).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'starttls' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'none' })).not.toBeChecked();
    expect(screen.getByRole('list', { name: 'Secrets' })).toHaveTextContent(
      'INVENTORY_PRO_SHARED_SECRET: not set',
    );
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
  });

  it('sends only what changed and shows the server’s field errors next to the setting', async () => {
    const api = mockApi()
      .on('GET', '/api/admin/settings', json(overview))
      .on(
        'PATCH',
        '/api/admin/settings',
        problem(400, {
          title: 'Invalid settings',
          errors: [
            { field: 'audit.retentionDays', message: 'Use a whole number from 0 to 36500.' },
          ],
        }),
      );
    const user = userEvent.setup();
    renderWithProviders(<SettingsPage />);

    const retention = await screen.findByLabelText('Days audit events are kept');
    await user.clear(retention);
    await user.type(retention, '99999');
    await user.click(screen.getByRole('checkbox', { name: 'none' }));
    await user.click(screen.getByRole('button', { name: 'Save 2 changes' }));

    expect(await screen.findByText('Use a whole number from 0 to 36500.')).toBeInTheDocument();
    expect(retention).toHaveAttribute('aria-invalid', 'true');
    expect(
      screen.getByText('Nothing was saved: correct the settings marked below.'),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(api.calls('PATCH', '/api/admin/settings')[0]?.body).toEqual({
        'audit.retentionDays': 99999,
        'mail.allowedSecurityModes': ['ssl', 'starttls', 'none'],
      });
    });
  });
});
