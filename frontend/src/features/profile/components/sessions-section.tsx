import './profile.css';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { notify } from '@/lib/notifications';
import { useEndOtherSessions, useEndOwnSession, useOwnSessions } from '../api/sessions';

/** One's own sign-ins (device, address, when); end one, or all but this one. */
export function SessionsSection() {
  const sessions = useOwnSessions();
  const endOne = useEndOwnSession();
  const endOthers = useEndOtherSessions();

  if (sessions.isPending) {
    return <Spinner />;
  }
  if (sessions.isError) {
    return <Alert kind="error">{sessions.error.message}</Alert>;
  }
  const others = sessions.data.filter((s) => !s.current).length;
  return (
    <div className="stack">
      <ul className="session-list" aria-label="Your sessions">
        {sessions.data.map((s) => (
          <li key={s.id} className="session-list__item" data-current={s.current}>
            <div>
              <strong>{s.device}</strong>
              {s.current && <span className="session-list__current"> · this device</span>}
              <div className="muted">
                {s.address ?? 'unknown address'} · signed in {formatDateTime(s.createdAt)} · last
                used {formatDateTime(s.lastUsedAt)}
              </div>
            </div>
            {!s.current && (
              <Button
                variant="secondary"
                className="button--small"
                busy={endOne.isPending && endOne.variables === s.id}
                aria-label={`Sign out ${s.device}`}
                onClick={() => {
                  endOne.mutate(s.id);
                }}
              >
                Sign out
              </Button>
            )}
          </li>
        ))}
      </ul>
      {others > 0 && (
        <div>
          <Button
            variant="secondary"
            busy={endOthers.isPending}
            onClick={() => {
              endOthers.mutate(undefined, {
                onSuccess: ({ ended }) => {
                  notify(
                    'success',
                    `Signed out ${ended} other ${ended === 1 ? 'session' : 'sessions'}`,
                  );
                },
              });
            }}
          >
            Sign out all other sessions
          </Button>
        </div>
      )}
    </div>
  );
}
