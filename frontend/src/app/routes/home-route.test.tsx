import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { adminUser, json, mockApi, problem, tokens } from '@/testing/mock-api';
import { renderApp } from '@/testing/render';

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function node(fields: Record<string, unknown>) {
  return {
    type: 'file',
    parentId: 'root',
    size: 10,
    mimeType: 'application/octet-stream',
    createdAt: minutesAgo(60),
    modifiedAt: minutesAgo(5),
    etag: '"e"',
    favorite: false,
    ...fields,
  };
}

function workspace(fields: Record<string, unknown>) {
  return {
    template: 'default',
    image: 'cloudworkspace/workspace:1',
    memoryMb: 2048,
    cpus: 2,
    createdAt: minutesAgo(600),
    runnerAvailable: true,
    ...fields,
  };
}

const ideStatus = (runnerAvailable: boolean) =>
  json({
    runnerAvailable,
    templates: [],
    maxRunningWorkspaces: 2,
    memoryMb: 2048,
    cpus: 2,
    idleTimeoutMinutes: 60,
  });

const server = {
  host: 'mail.example.org',
  port: 993,
  security: 'tls',
  username: 'ada',
  auth: true,
};

function signedIn() {
  return mockApi()
    .on('POST', '/api/auth/refresh', tokens('token-1'))
    .on('GET', '/api/me', json(adminUser))
    .on(
      'GET',
      '/api/files/usage',
      json({ usedBytes: 1_572_864, quotaBytes: 10_485_760, freeBytes: 8_912_896 }),
    );
}

describe('Home', () => {
  it('shows recent files, favourites, workspaces and unread mail, each leading to its app', async () => {
    signedIn()
      .on(
        'GET',
        '/api/files/recent',
        json([
          node({ id: 'f1', name: 'plan.md', path: '/Projects/plan.md', modifiedAt: minutesAgo(3) }),
          node({ id: 'f2', name: 'budget.bin', path: '/budget.bin', modifiedAt: minutesAgo(120) }),
        ]),
      )
      .on(
        'GET',
        '/api/files/favorites',
        json([
          node({
            id: 'd1',
            name: 'Projects',
            type: 'folder',
            mimeType: null,
            path: '/Projects',
            favorite: true,
          }),
        ]),
      )
      .on('GET', '/api/ide/status', ideStatus(true))
      .on(
        'GET',
        '/api/ide/workspaces',
        json([
          workspace({
            id: 'w1',
            name: 'old-notes',
            status: 'stopped',
            statusDetail: 'Stopped automatically after 60 idle minutes.',
          }),
          workspace({ id: 'w2', name: 'api-server', status: 'running', idleSecondsLeft: 1500 }),
        ]),
      )
      .on(
        'GET',
        '/api/mail/accounts',
        json([
          { id: 7, displayName: 'Work', email: 'ada@example.org', imap: server, smtp: server },
        ]),
      )
      .on(
        'GET',
        '/api/mail/accounts/7/folders',
        json([
          { path: 'INBOX', name: 'INBOX', role: 'inbox', selectable: true, total: 12, unread: 3 },
          { path: 'Sent', name: 'Sent', role: 'sent', selectable: true, total: 4, unread: 1 },
        ]),
      );
    const user = userEvent.setup();
    const { router } = renderApp('/');

    const files = await screen.findByRole('region', { name: 'Files' });
    expect(await within(files).findByText('1.5 MB of 10 MB used')).toBeInTheDocument();
    const recent = within(files).getByRole('region', { name: 'Recently changed' });
    const items = await within(recent).findAllByRole('listitem');
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^plan\.mdAll files \/ Projects · 3 minutes ago$/),
      expect.stringMatching(/^budget\.binAll files · 2 hours ago$/),
    ]);

    const workspaces = screen.getByRole('region', { name: 'Workspaces' });
    expect(await within(workspaces).findByText('1 of 2 running')).toBeInTheDocument();
    const rows = within(workspaces).getAllByRole('listitem');
    expect(rows).toHaveLength(2);
    expect(within(workspaces).getByRole('link', { name: 'api-server' })).toHaveAttribute(
      'href',
      '/ide/w2',
    );
    expect(rows[0]).toHaveTextContent('api-server');
    expect(rows[0]).toHaveTextContent('Running');
    expect(rows[0]).toHaveTextContent('stops if unused in 25 min');
    expect(rows[1]).toHaveTextContent('Stopped');
    expect(rows[1]).toHaveTextContent('Stopped automatically after 60 idle minutes.');

    const mail = screen.getByRole('region', { name: 'Mail' });
    expect(await within(mail).findByText('3 unread messages')).toBeInTheDocument();
    expect(within(mail).getByRole('link', { name: 'Work' })).toHaveAttribute('href', '/mail');
    expect(within(mail).getByText('ada@example.org')).toBeInTheDocument();

    const favorites = within(files).getByRole('region', { name: 'Favourites' });
    await user.click(within(favorites).getByRole('button', { name: 'Projects' }));
    await waitFor(() => {
      expect(router.state.location.pathname).toBe('/files/d1');
    });
  });

  it('says what to do first when there is nothing yet, and when a service is down', async () => {
    signedIn()
      .on('GET', '/api/files/recent', json([]))
      .on('GET', '/api/files/favorites', json([]))
      .on('GET', '/api/ide/status', ideStatus(false))
      .on('GET', '/api/ide/workspaces', json([]))
      .on(
        'GET',
        '/api/mail/accounts',
        json([{ id: 8, displayName: '', email: 'ada@home.example', imap: server, smtp: server }]),
      )
      .on(
        'GET',
        '/api/mail/accounts/8/folders',
        problem(502, { detail: 'The mail server did not answer.' }),
      );
    renderApp('/');

    const files = await screen.findByRole('region', { name: 'Files' });
    expect(await within(files).findByText(/Nothing yet/)).toBeInTheDocument();
    expect(within(files).queryByRole('region', { name: 'Favourites' })).not.toBeInTheDocument();

    const workspaces = screen.getByRole('region', { name: 'Workspaces' });
    expect(await within(workspaces).findByText(/No workspaces yet/)).toBeInTheDocument();
    expect(within(workspaces).getByRole('status')).toHaveTextContent(
      'The IDE is unavailable right now',
    );
    expect(within(workspaces).getByRole('link', { name: 'Create a workspace' })).toHaveAttribute(
      'href',
      '/ide',
    );

    const mail = screen.getByRole('region', { name: 'Mail' });
    expect(await within(mail).findByText('the mail server cannot be reached')).toBeInTheDocument();
    expect(within(mail).getByRole('link', { name: 'ada@home.example' })).toBeInTheDocument();
  });
});
