import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi, problem, tokens } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { SignInForm } from './sign-in-form';

const codeRequired = () => json({ mfaRequired: true, mfaToken: 'mfa-1', expiresIn: 300 });

async function passwordStep() {
  const user = userEvent.setup();
  renderWithProviders(<SignInForm />);
  await user.type(screen.getByLabelText('Username'), 'ada');
  await user.type(screen.getByLabelText('Password'), 'correct horse');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  await screen.findByRole('form', { name: 'Two-factor code' });
  return user;
}

describe('SignInForm with two-factor sign-in', { timeout: 20_000 }, () => {
  it('asks for the code after the password and signs in with it', async () => {
    session.end('signed-out');
    const api = mockApi()
      .on('POST', '/api/auth/login', codeRequired())
      .on('POST', '/api/auth/login/mfa', tokens('token-2'));
    const user = await passwordStep();
    expect(session.getSnapshot().status).toBe('anonymous');

    await user.type(screen.getByLabelText('Code'), '123456');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    await vi.waitFor(() => {
      expect(session.getAccessToken()).toBe('token-2');
    });
    expect(api.calls('POST', '/api/auth/login/mfa')[0]?.body).toEqual({
      mfaToken: 'mfa-1',
      code: '123456',
    });
  });

  it('says when a code is wrong or used, and starts over when the step expired', async () => {
    session.end('signed-out');
    mockApi()
      .on('POST', '/api/auth/login', codeRequired())
      .on(
        'POST',
        '/api/auth/login/mfa',
        problem(401, { title: 'Wrong code', detail: 'The code is wrong or was used already.' }),
      )
      .on(
        'POST',
        '/api/auth/login/mfa',
        problem(401, {
          title: 'Sign-in expired',
          detail: 'This sign-in has expired. Enter your password again.',
        }),
      );
    const user = await passwordStep();

    await user.type(screen.getByLabelText('Code'), '000000');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('The code is wrong or was used already.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Code'), '111111');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(
      await screen.findByText('This sign-in has expired. Enter your password again.'),
    ).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeInTheDocument();
    expect(session.getSnapshot().status).toBe('anonymous');
  });
});
