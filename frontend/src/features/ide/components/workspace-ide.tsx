import { useRef } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { PageSpinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-client';
import { useWorkspace } from '../api/get-workspace';
import { useRestartWorkspace } from '../api/restart-workspace';
import { useStartWorkspace } from '../api/start-workspace';
import { useStopWorkspace } from '../api/stop-workspace';
import { useWorkspaceEvents } from '../api/workspace-events';
import { EditorArea, type EditorHandle } from './editor-area';
import { FileTree } from './file-tree';
import { TerminalPanel } from './terminal-panel';
import { WorkspaceStatusBadge, WorkspaceUsage } from './workspace-status';
import '../ide.css';

/** One workspace: file tree, editor and terminals once it runs; start (with progress) otherwise. */
export function WorkspaceIde({ workspaceId }: { workspaceId: string }) {
  const workspace = useWorkspace(workspaceId);
  useWorkspaceEvents();
  const start = useStartWorkspace();
  const stop = useStopWorkspace();
  const restart = useRestartWorkspace();
  const editor = useRef<EditorHandle>(null);

  if (workspace.isPending) {
    return <PageSpinner label="Loading the workspace…" />;
  }
  if (workspace.isError) {
    const error = workspace.error;
    return (
      <Alert
        kind="error"
        title={
          error instanceof ApiError && error.status === 403
            ? 'Not your workspace'
            : 'Workspace unavailable'
        }
      >
        {error instanceof ApiError ? error.userMessage : 'The workspace could not be loaded.'}{' '}
        <Link to="/ide">Back to your workspaces</Link>
      </Alert>
    );
  }
  const ws = workspace.data;
  const running = ws.status === 'running';

  return (
    <div className={`ide-workspace${running ? ' ide-workspace--running' : ''}`}>
      <header className="ide-workspace__header">
        <Link to="/ide" className="ide-muted">
          ← Workspaces
        </Link>
        <h1 className="ide-workspace__title">{ws.name}</h1>
        <WorkspaceStatusBadge workspace={ws} />
        <WorkspaceUsage workspace={ws} />
        <div className="ide-workspace__actions">
          {running && (
            <Button
              variant="secondary"
              busy={stop.isPending}
              onClick={() => {
                stop.mutate(ws.id);
              }}
            >
              Stop
            </Button>
          )}
          {(ws.status === 'stopped' || ws.status === 'failed') && (
            <Button
              busy={start.isPending || restart.isPending}
              disabled={!ws.runnerAvailable}
              onClick={() => {
                if (ws.status === 'failed') {
                  restart.mutate(ws.id);
                } else {
                  start.mutate(ws.id);
                }
              }}
            >
              {ws.status === 'failed' ? 'Restart workspace' : 'Start workspace'}
            </Button>
          )}
        </div>
      </header>
      {!ws.runnerAvailable && (
        <Alert kind="error" title="The IDE is unavailable">
          The runner that hosts workspaces cannot be reached right now. The rest of the workspace
          works.
        </Alert>
      )}
      {running ? (
        <div className="ide-workbench">
          <aside className="ide-workbench__tree">
            <FileTree
              workspaceId={ws.id}
              onOpen={(path) => editor.current?.open(path)}
              onRenamed={(from, to) => editor.current?.renamed(from, to)}
              onDeleted={(path) => editor.current?.deleted(path)}
            />
          </aside>
          <div className="ide-workbench__main">
            <EditorArea workspaceId={ws.id} handle={editor} />
            <TerminalPanel workspaceId={ws.id} />
          </div>
        </div>
      ) : (
        <div className="ide-workspace__idle">
          {ws.status === 'starting' && (
            <p role="status">Starting your workspace; this takes a few seconds…</p>
          )}
          {ws.status === 'stopped' && (
            <p>The workspace is stopped. Its files are kept; start it to work.</p>
          )}
        </div>
      )}
    </div>
  );
}
