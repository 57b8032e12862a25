import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { threads } from './message-list';
import { MailView } from './mail-view';

const account = {
  id: 7,
  displayName: 'Ada',
  email: 'ada@example.org',
  imap: { host: 'imap.example.org', port: 993, security: 'tls', username: 'ada', auth: true },
  smtp: { host: 'smtp.example.org', port: 465, security: 'tls', username: 'ada', auth: true },
  signature: 'Ada L.',
};

function summary(uid: number, subject: string, threadId: string) {
  return {
    accountId: 7,
    folder: 'INBOX',
    uid,
    subject,
    from: { name: 'Bob', address: 'bob@example.net' },
    to: [{ name: null, address: 'ada@example.org' }],
    date: '2026-11-26T10:00:00Z',
    seen: false,
    flagged: false,
    answered: false,
    draft: false,
    hasAttachments: false,
    size: 100,
    messageId: `<m${uid}@x>`,
    threadId,
  };
}

const message = {
  accountId: 7,
  folder: 'INBOX',
  uid: 2,
  subject: 'Plan',
  from: [{ name: 'Bob', address: 'bob@example.net' }],
  to: [{ name: null, address: 'ada@example.org' }],
  cc: [],
  replyTo: [],
  date: '2026-11-26T10:00:00Z',
  messageId: '<m2@x>',
  references: [],
  seen: true,
  flagged: false,
  text: 'Shall we meet?',
  html: '<p>Shall we meet?</p>',
  remoteContentBlocked: true,
  remoteContentAllowed: false,
  senderTrusted: false,
  attachments: [],
  problems: [],
  htmlUrl: '/api/mail/render/ticket-1',
};

describe('MailView', () => {
  beforeEach(() => {
    session.accept({ accessToken: 'token-1', expiresIn: 900 });
  });

  it('groups replies under their thread', () => {
    const grouped = threads([
      summary(3, 'Re: Plan', '<m1@x>'),
      summary(2, 'Other', '<m2@x>'),
      summary(1, 'Plan', '<m1@x>'),
    ]);
    expect(grouped.map((g) => [g.item.uid, g.reply])).toEqual([
      [3, false],
      [1, true],
      [2, false],
    ]);
  });

  it(
    'shows a message in a sandboxed frame with remote images blocked, and replies with r',
    { timeout: 30_000 },
    async () => {
      mockApi()
        .on('GET', '/api/mail/accounts', json([account]))
        .on(
          'GET',
          '/api/mail/accounts/7/folders',
          json([
            {
              path: 'INBOX',
              name: 'INBOX',
              separator: '/',
              role: 'inbox',
              selectable: true,
              total: 1,
              unread: 1,
            },
          ]),
        )
        .on(
          'GET',
          '/api/mail/accounts/7/messages',
          json({
            folder: 'INBOX',
            page: 0,
            size: 50,
            total: 1,
            unread: 1,
            cached: false,
            items: [summary(2, 'Plan', '<m2@x>')],
          }),
        )
        .on('GET', '/api/mail/accounts/7/messages/2', json(message));
      const user = userEvent.setup();
      renderWithProviders(<MailView />);

      expect(
        await screen.findByRole('button', { name: /Inbox/ }, { timeout: 5000 }),
      ).toBeInTheDocument();
      await user.click(await screen.findByRole('option', { name: /Plan/ }, { timeout: 5000 }));
      const frame = await screen.findByTitle('Message body', {}, { timeout: 5000 });
      expect(frame).toHaveAttribute('src', '/api/mail/render/ticket-1');
      expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
      expect(
        screen.getByText('Remote images were blocked to protect your privacy.'),
      ).toBeInTheDocument();

      await user.keyboard('r');
      const compose = await screen.findByRole('dialog', { name: 'New message' });
      expect(within(compose).getByLabelText('Subject')).toHaveValue('Re: Plan');
      expect(within(compose).getByLabelText('To')).toHaveValue('Bob <bob@example.net>');
      expect(within(compose).getByLabelText<HTMLTextAreaElement>('Message text').value).toContain(
        '> Shall we meet?',
      );
    },
  );

  it(
    'shows new mail on refresh and searches the server by field',
    { timeout: 30_000 },
    async () => {
      const page = (items: unknown[]) =>
        json({
          folder: 'INBOX',
          page: 0,
          size: 50,
          total: items.length,
          unread: 0,
          cached: false,
          items,
        });
      const api = mockApi()
        .on('GET', '/api/mail/accounts', json([account]))
        .on(
          'GET',
          '/api/mail/accounts/7/folders',
          json([
            {
              path: 'INBOX',
              name: 'INBOX',
              separator: '/',
              role: 'inbox',
              selectable: true,
              total: 1,
              unread: 0,
            },
          ]),
        )
        .on('GET', '/api/mail/accounts/7/messages', page([summary(2, 'Plan', '<m2@x>')]))
        .on(
          'GET',
          '/api/mail/accounts/7/messages',
          page([summary(3, 'Fresh news', '<m3@x>'), summary(2, 'Plan', '<m2@x>')]),
        );
      const user = userEvent.setup();
      renderWithProviders(<MailView />);

      expect(
        await screen.findByRole('option', { name: /Plan/ }, { timeout: 5000 }),
      ).toBeInTheDocument();
      expect(screen.queryByRole('option', { name: /Fresh news/ })).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Refresh' }));
      expect(
        await screen.findByRole('option', { name: /Fresh news/ }, { timeout: 5000 }),
      ).toBeInTheDocument();

      await user.type(
        screen.getByRole('searchbox', { name: 'Search messages' }),
        'from:alice@example.net body:"pizza on friday" since:2026-01-01 budget{Enter}',
      );
      await vi.waitFor(() => {
        const searches = api
          .calls('GET', '/api/mail/accounts/7/messages')
          .map((r) => new URLSearchParams(r.search))
          .filter((q) => q.has('from'));
        expect(searches).toHaveLength(1);
        expect(searches[0]?.get('from')).toBe('alice@example.net');
        expect(searches[0]?.get('body')).toBe('pizza on friday');
        expect(searches[0]?.get('since')).toBe('2026-01-01');
        expect(searches[0]?.get('subject')).toBe('budget');
      });
    },
  );

  it('offers to add the first account', async () => {
    mockApi().on('GET', '/api/mail/accounts', json([]));
    renderWithProviders(<MailView />);
    expect(await screen.findByRole('button', { name: 'Add mail account' })).toBeInTheDocument();
  });
});
