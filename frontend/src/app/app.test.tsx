import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, json, mockApi, problem, tokens } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const noSession = () => problem(401, { detail: 'No refresh token.' });

describe('App', () => {
  it('restores the session on start and shows the signed-in layout', async () => {
    mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('GET', '/api/me', json(adminUser));

    renderApp('/');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Welcome, Ada Lovelace' }),
    ).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Profile' })).toBeInTheDocument();
    expect(screen.getByTestId('user-display-name')).toHaveTextContent('Ada Lovelace');
    expect(screen.getByText('Administrator')).toBeInTheDocument();
  });

  it('sends a visitor to sign-in and back to the page they wanted', async () => {
    const api = mockApi()
      .on('POST', '/api/auth/refresh', noSession())
      .on('POST', '/api/auth/login', tokens('token-1'))
      .on('GET', '/api/me', json(adminUser));
    const user = userEvent.setup();
    const { router } = renderApp('/profile');

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(screen.queryByText(/session has ended/)).not.toBeInTheDocument();

    await user.type(screen.getByLabelText('Username'), 'admin');
    await user.type(screen.getByLabelText('Password'), 'correct horse');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/profile');
    expect(api.calls('GET', '/api/me')[0]?.headers.get('Authorization')).toBe('Bearer token-1');
  });

  it('returns to sign-in with an explanation when the session can no longer be renewed', async () => {
    mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('POST', '/api/auth/refresh', problem(401, { detail: 'Refresh token revoked.' }))
      .on('GET', '/api/me', problem(401, { detail: 'The access token was revoked.' }));
    const { router } = renderApp('/profile');

    expect(
      await screen.findByText('Your session has ended — please sign in again.'),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
  });

  it('signs out and shows sign-in', async () => {
    const api = mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('GET', '/api/me', json(adminUser))
      .on('POST', '/api/auth/logout', new Response(null, { status: 204 }));
    const user = userEvent.setup();
    const { router } = renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Sign out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(api.calls('POST', '/api/auth/logout')[0]?.headers.get('Authorization')).toBe(
      'Bearer token-1',
    );
    expect(screen.queryByText(/session has ended/)).not.toBeInTheDocument();
  });

  it('shows a 404 page with a way home for unknown addresses', async () => {
    mockApi()
      .on('POST', '/api/auth/refresh', tokens('token-1'))
      .on('GET', '/api/me', json(adminUser));
    const user = userEvent.setup();
    const { router } = renderApp('/no/such/page');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Go to Home' }));

    expect(router.state.location.pathname).toBe('/');
    expect(await screen.findByRole('heading', { level: 1, name: /Welcome/ })).toBeInTheDocument();
  });
});
