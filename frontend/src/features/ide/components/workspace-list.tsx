import { useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-client';
import { useDeleteWorkspace } from '../api/delete-workspace';
import { useIdeStatus } from '../api/get-ide-status';
import { useWorkspaces } from '../api/get-workspaces';
import { useRestartWorkspace } from '../api/restart-workspace';
import { useStartWorkspace } from '../api/start-workspace';
import { useStopWorkspace } from '../api/stop-workspace';
import type { Workspace } from '../api/workspace';
import { useWorkspaceEvents } from '../api/workspace-events';
import { CreateWorkspaceForm } from './create-workspace-form';
import { WorkspaceStatusBadge, WorkspaceUsage } from './workspace-status';
import '../ide.css';

/** The user's workspaces: create, start, stop, restart, delete, open; status and resource use. */
export function WorkspaceList() {
  const status = useIdeStatus();
  const workspaces = useWorkspaces();
  useWorkspaceEvents();
  const [deleting, setDeleting] = useState<Workspace | null>(null);
  const remove = useDeleteWorkspace();
  const runnerDown = status.data?.runnerAvailable === false;

  return (
    <div className="ide-list">
      {runnerDown && (
        <Alert kind="error" title="The IDE is unavailable">
          {status.data?.message ??
            'The runner that hosts workspaces cannot be reached. The rest of the workspace works.'}
        </Alert>
      )}
      <section className="card ide-list__create">
        <h2 className="card__title">New workspace</h2>
        <p className="ide-muted">
          Each workspace is a Linux container with its own persistent folder
          {status.data !== undefined &&
            ` (${status.data.memoryMb} MB memory, ${status.data.cpus} CPU; up to ${status.data.maxRunningWorkspaces} running at once; stops after ${status.data.idleTimeoutMinutes} idle minutes)`}
          .
        </p>
        <CreateWorkspaceForm status={status.data} />
      </section>

      {workspaces.isPending && <Spinner label="Loading your workspaces…" />}
      {workspaces.error instanceof ApiError && (
        <Alert kind="error" title="Your workspaces could not be loaded">
          {workspaces.error.userMessage}
        </Alert>
      )}
      {workspaces.data !== undefined && workspaces.data.length === 0 && (
        <p className="ide-muted">You have no workspaces yet. Create one above.</p>
      )}
      {workspaces.data !== undefined && workspaces.data.length > 0 && (
        <table className="ide-table">
          <caption className="visually-hidden">Your workspaces</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Resources</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {workspaces.data.map((workspace) => (
              <WorkspaceRow
                key={workspace.id}
                workspace={workspace}
                disabled={runnerDown}
                onDelete={() => {
                  setDeleting(workspace);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      {deleting !== null && (
        <ConfirmDialog
          title={`Delete ${deleting.name}?`}
          confirmLabel="Delete workspace"
          danger
          busy={remove.isPending}
          error={remove.error instanceof ApiError ? remove.error.userMessage : null}
          onCancel={() => {
            remove.reset();
            setDeleting(null);
          }}
          onConfirm={() => {
            remove.mutate(deleting.id, {
              onSuccess: () => {
                setDeleting(null);
              },
            });
          }}
        >
          The container and every file in the workspace are deleted. This cannot be undone.
        </ConfirmDialog>
      )}
    </div>
  );
}

function WorkspaceRow({
  workspace,
  disabled,
  onDelete,
}: {
  workspace: Workspace;
  disabled: boolean;
  onDelete: () => void;
}) {
  const start = useStartWorkspace();
  const stop = useStopWorkspace();
  const restart = useRestartWorkspace();
  const busy = start.isPending || stop.isPending || restart.isPending;
  return (
    <tr data-workspace={workspace.name}>
      <td>
        <Link to={`/ide/${workspace.id}`} className="ide-table__name">
          {workspace.name}
        </Link>
        <div className="ide-muted">{workspace.template}</div>
      </td>
      <td>
        <WorkspaceStatusBadge workspace={workspace} />
      </td>
      <td>
        <WorkspaceUsage workspace={workspace} />
      </td>
      <td className="ide-table__actions">
        {workspace.status === 'running' && (
          <>
            <Link className="button button--primary" to={`/ide/${workspace.id}`}>
              Open
            </Link>
            <Button
              variant="secondary"
              busy={stop.isPending}
              disabled={disabled || busy}
              onClick={() => {
                stop.mutate(workspace.id);
              }}
            >
              Stop
            </Button>
          </>
        )}
        {(workspace.status === 'stopped' || workspace.status === 'failed') && (
          <Button
            variant="secondary"
            busy={start.isPending || restart.isPending}
            disabled={disabled || busy}
            onClick={() => {
              if (workspace.status === 'failed') {
                restart.mutate(workspace.id);
              } else {
                start.mutate(workspace.id);
              }
            }}
          >
            {workspace.status === 'failed' ? 'Restart' : 'Start'}
          </Button>
        )}
        <Button
          variant="ghost"
          disabled={disabled || busy || workspace.status === 'starting'}
          onClick={onDelete}
        >
          Delete
        </Button>
      </td>
    </tr>
  );
}
