import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth/session';
import { mockApi, problem, tokens } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { SignInForm } from './sign-in-form';

function setup() {
  const user = userEvent.setup({
    advanceTimers: (ms) => {
      if (vi.isFakeTimers()) {
        vi.advanceTimersByTime(ms);
      }
    },
  });
  renderWithProviders(<SignInForm />);
  return {
    user,
    username: screen.getByLabelText('Username'),
    password: screen.getByLabelText('Password'),
    submit: screen.getByRole('button', { name: 'Sign in' }),
  };
}

describe('SignInForm', () => {
  it('asks for both fields before calling the server', async () => {
    const api = mockApi();
    const { user, username, submit } = setup();

    await user.click(submit);

    expect(screen.getByText('Enter your username.')).toBeInTheDocument();
    expect(screen.getByText('Enter your password.')).toBeInTheDocument();
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveFocus();
    expect(api.requests).toHaveLength(0);
  });

  it('signs in with the credentials and starts the session', async () => {
    const api = mockApi().on('POST', '/api/auth/login', tokens('token-1'));
    const { user, username, password, submit } = setup();

    await user.type(username, 'admin');
    await user.type(password, 'correct horse');
    await user.click(submit);

    await vi.waitFor(() => {
      expect(session.getSnapshot().status).toBe('authenticated');
    });
    expect(api.calls('POST', '/api/auth/login')[0]?.body).toEqual({
      username: 'admin',
      password: 'correct horse',
    });
    expect(session.getAccessToken()).toBe('token-1');
  });

  it('shows the server detail for wrong credentials and clears the password', async () => {
    mockApi().on(
      'POST',
      '/api/auth/login',
      problem(401, { title: 'Unauthorized', detail: 'Invalid username or password.' }),
    );
    const { user, username, password, submit } = setup();

    await user.type(username, 'admin');
    await user.type(password, 'wrong');
    await user.click(submit);

    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid username or password.');
    expect(password).toHaveValue('');
    expect(password).toHaveFocus();
    expect(session.getSnapshot().status).not.toBe('authenticated');
  });

  it('shows field errors the server reports', async () => {
    mockApi().on(
      'POST',
      '/api/auth/login',
      problem(400, {
        title: 'Bad Request',
        errors: [{ field: 'username', message: 'Usernames are at most 64 characters.' }],
      }),
    );
    const { user, username, password, submit } = setup();

    await user.type(username, 'x'.repeat(65));
    await user.type(password, 'secret');
    await user.click(submit);

    expect(await screen.findByText('Usernames are at most 64 characters.')).toBeInTheDocument();
    expect(username).toHaveAttribute('aria-invalid', 'true');
  });

  it('counts down the wait the server asks for after too many attempts', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockApi().on(
      'POST',
      '/api/auth/login',
      problem(
        429,
        { title: 'Too Many Requests', detail: 'Too many sign-in attempts.' },
        { 'Retry-After': '30' },
      ),
    );
    const { user, username, password, submit } = setup();

    await user.type(username, 'admin');
    await user.type(password, 'guess');
    await user.click(submit);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many attempts — try again in 30 seconds.',
    );
    expect(submit).toBeDisabled();

    await act(() => vi.advanceTimersByTimeAsync(1_000));
    expect(screen.getByRole('alert')).toHaveTextContent('try again in 29 seconds.');

    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(submit).toBeEnabled();
  });

  it('explains an unreachable server', async () => {
    mockApi().on('POST', '/api/auth/login', () => Promise.reject(new TypeError('Failed to fetch')));
    const { user, username, password, submit } = setup();

    await user.type(username, 'admin');
    await user.type(password, 'secret');
    await user.click(submit);

    expect(await screen.findByRole('alert')).toHaveTextContent('Cannot reach the server.');
  });
});
