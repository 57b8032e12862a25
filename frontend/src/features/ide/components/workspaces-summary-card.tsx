import { Link } from 'react-router';
import { Card } from '@/components/card';
import { ApiError } from '@/lib/api-client';
import { useIdeStatus } from '../api/get-ide-status';
import { useWorkspaces } from '../api/get-workspaces';
import { formatDuration } from '../lib/format';
import { CodeIcon } from './ide-icons';
import { STATUS_LABELS } from './workspace-status';
import '../ide.css';

/** How many workspaces the home page lists; running ones first. */
const SHOWN = 5;

/** The home page's view of the user's IDE workspaces: their status, and a way into each. */
export function WorkspacesSummaryCard() {
  const status = useIdeStatus();
  const workspaces = useWorkspaces();
  const list = [...(workspaces.data ?? [])]
    .sort((a, b) => Number(b.status === 'running') - Number(a.status === 'running'))
    .slice(0, SHOWN);
  const running = (workspaces.data ?? []).filter((w) => w.status === 'running').length;

  return (
    <Card
      title="Workspaces"
      icon={<CodeIcon />}
      id="home-workspaces"
      description={
        workspaces.data === undefined || workspaces.data.length === 0
          ? undefined
          : `${running} of ${workspaces.data.length} running`
      }
    >
      {status.data?.runnerAvailable === false && (
        <p className="home-list__note" role="status">
          The IDE is unavailable right now; your workspaces and their files are kept.
        </p>
      )}
      {workspaces.isPending ? (
        <p className="home-list__note">Loading…</p>
      ) : workspaces.isError ? (
        <p className="home-list__note" role="alert">
          {workspaces.error instanceof ApiError
            ? workspaces.error.userMessage
            : 'Your workspaces could not be loaded.'}
        </p>
      ) : list.length === 0 ? (
        <p className="home-list__note">
          No workspaces yet. A workspace is a Linux container with an editor and terminals in your
          browser.
        </p>
      ) : (
        <ul className="home-list__items">
          {list.map((workspace) => (
            <li key={workspace.id} className="home-list__item">
              <Link to={`/ide/${workspace.id}`} className="home-list__open">
                {workspace.name}
              </Link>
              <span
                className={`ide-badge ide-badge--${workspace.status}`}
                data-status={workspace.status}
              >
                {STATUS_LABELS[workspace.status]}
              </span>
              <span className="home-list__meta">
                {workspace.status === 'running' && workspace.idleSecondsLeft != null
                  ? `stops if unused in ${formatDuration(workspace.idleSecondsLeft)}`
                  : (workspace.statusDetail ?? '')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <p className="card__footer home-links">
        <Link to="/ide">{list.length === 0 ? 'Create a workspace' : 'Open IDE'}</Link>
      </p>
    </Card>
  );
}
