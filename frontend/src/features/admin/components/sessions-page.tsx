import { useEffect, useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { formatDateTime } from '@/lib/format';
import { notify } from '@/lib/notifications';
import { SESSION_PAGE_SIZE, useAllSessions, useEndSession } from '../api/sessions';
import { Pager } from './pager';

/** Every user's open sessions; an admin ends any of them. */
export function SessionsPage() {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(0);
  const sessions = useAllSessions(search, page);
  const end = useEndSession();

  useEffect(() => {
    const timer = setTimeout(() => {
      setSearch(text.trim());
      setPage(0);
    }, 300);
    return () => {
      clearTimeout(timer);
    };
  }, [text]);

  return (
    <section aria-label="Sessions">
      <div className="admin-toolbar">
        <TextField
          label="Search by user"
          type="search"
          name="search"
          value={text}
          maxLength={100}
          onChange={(e) => {
            setText(e.target.value);
          }}
        />
      </div>
      {sessions.isPending && <Spinner label="Loading sessions…" />}
      {sessions.isError && <Alert kind="error">{sessions.error.message}</Alert>}
      {sessions.data !== undefined && (
        <>
          <div className="admin-table-wrapper">
            <table className="admin-table" aria-label="Open sessions">
              <thead>
                <tr>
                  <th>User</th>
                  <th>Device</th>
                  <th>Address</th>
                  <th>Signed in</th>
                  <th>Last used</th>
                  <th className="admin-table__actions">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {sessions.data.items.map((s) => (
                  <tr key={s.id} data-username={s.username}>
                    <td>{s.username}</td>
                    <td>
                      {s.device}
                      {s.userAgent !== null && (
                        <span className="admin-table__sub" title={s.userAgent}>
                          {s.userAgent.slice(0, 60)}
                        </span>
                      )}
                    </td>
                    <td>{s.address ?? '—'}</td>
                    <td>{formatDateTime(s.createdAt)}</td>
                    <td>{formatDateTime(s.lastUsedAt)}</td>
                    <td className="admin-table__actions">
                      <Button
                        variant="secondary"
                        className="button--small"
                        busy={end.isPending && end.variables.sessionId === s.id}
                        aria-label={`End session of ${s.username} on ${s.device}`}
                        onClick={() => {
                          end.mutate(
                            { userId: s.userId, sessionId: s.id },
                            {
                              onSuccess: () => {
                                notify('success', `Session of ${s.username} ended`);
                              },
                            },
                          );
                        }}
                      >
                        End
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            size={SESSION_PAGE_SIZE}
            total={sessions.data.total}
            busy={sessions.isFetching}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
