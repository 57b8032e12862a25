import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { session } from '@/lib/auth/session';
import { mockApi, problem, tokens } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ChangePasswordForm } from './change-password-form';

function setup() {
  const user = userEvent.setup();
  renderWithProviders(<ChangePasswordForm />);
  const current = screen.getByLabelText('Current password');
  const next = screen.getByLabelText('New password');
  const confirm = screen.getByLabelText('Confirm new password');
  const submit = screen.getByRole('button', { name: 'Change password' });
  async function fill(values: { current: string; next: string; confirm?: string }) {
    if (values.current !== '') {
      await user.type(current, values.current);
    }
    if (values.next !== '') {
      // Typing 1000+ characters key by key is slow; paste them.
      await user.click(next);
      await user.paste(values.next);
    }
    const confirmation = values.confirm ?? values.next;
    if (confirmation !== '') {
      await user.click(confirm);
      await user.paste(confirmation);
    }
    await user.click(submit);
  }
  return { user, current, next, confirm, submit, fill };
}

describe('ChangePasswordForm', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('refuses a new password shorter than 8 characters', async () => {
    const api = mockApi();
    const { fill, next } = setup();

    await fill({ current: 'old password', next: 'short' });

    expect(screen.getByText('Use at least 8 characters.')).toBeInTheDocument();
    expect(next).toHaveAttribute('aria-invalid', 'true');
    expect(next).toHaveFocus();
    expect(api.requests).toHaveLength(0);
  });

  it('refuses a new password longer than 1024 characters', async () => {
    const api = mockApi();
    const { fill } = setup();

    await fill({ current: 'old password', next: 'a'.repeat(1025) });

    expect(screen.getByText('Use at most 1024 characters.')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('refuses a confirmation that does not match', async () => {
    const api = mockApi();
    const { fill, confirm } = setup();

    await fill({
      current: 'old password',
      next: 'a long new passphrase',
      confirm: 'a long new passfrase',
    });

    expect(screen.getByText('The passwords do not match.')).toBeInTheDocument();
    expect(confirm).toHaveFocus();
    expect(api.requests).toHaveLength(0);
  });

  it('asks for the current password', async () => {
    const api = mockApi();
    const { fill } = setup();

    await fill({ current: '', next: 'a long new passphrase' });

    expect(screen.getByText('Enter your current password.')).toBeInTheDocument();
    expect(api.requests).toHaveLength(0);
  });

  it('changes the password, confirms it and switches to the new tokens', async () => {
    const api = mockApi().on('POST', '/api/me/password', tokens('token-2'));
    const { fill, current, next, confirm } = setup();

    await fill({ current: 'old password', next: 'a long new passphrase' });

    expect(await screen.findByText('Your password has been changed.')).toBeInTheDocument();
    expect(api.calls('POST', '/api/me/password')[0]?.body).toEqual({
      currentPassword: 'old password',
      newPassword: 'a long new passphrase',
    });
    expect(api.calls('POST', '/api/me/password')[0]?.headers.get('Authorization')).toBe(
      'Bearer token-1',
    );
    expect(session.getAccessToken()).toBe('token-2');
    expect(current).toHaveValue('');
    expect(next).toHaveValue('');
    expect(confirm).toHaveValue('');
  });

  it('shows why the server refused the new password', async () => {
    mockApi().on(
      'POST',
      '/api/me/password',
      problem(400, {
        title: 'Bad Request',
        detail: 'The new password was refused.',
        errors: [{ field: 'newPassword', message: 'This password is too common.' }],
      }),
    );
    const { fill, next } = setup();

    await fill({ current: 'old password', next: 'password123' });

    expect(await screen.findByText('This password is too common.')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('The new password was refused.');
    expect(next).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText('Your password has been changed.')).not.toBeInTheDocument();
  });

  it.each([401, 403])(
    'shows a wrong current password (%i) without ending the session',
    async (status) => {
      const api = mockApi().on(
        'POST',
        '/api/me/password',
        problem(status, { detail: 'The current password is not correct.' }),
      );
      const { fill, current } = setup();

      await fill({ current: 'not it', next: 'a long new passphrase' });

      expect(await screen.findByText('The current password is not correct.')).toBeInTheDocument();
      expect(current).toHaveAttribute('aria-invalid', 'true');
      expect(api.calls('POST', '/api/auth/refresh')).toHaveLength(0);
      expect(session.getSnapshot().status).toBe('authenticated');
      expect(session.getAccessToken()).toBe('token-1');
    },
  );
});
