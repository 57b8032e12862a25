import { ProgressBar } from '@/components/progress-bar';
import type { Workspace } from '../api/workspace';
import { formatBytes, formatDuration } from '../lib/format';

/** The status of a workspace in words. */
export const STATUS_LABELS: Record<Workspace['status'], string> = {
  stopped: 'Stopped',
  starting: 'Starting…',
  running: 'Running',
  stopping: 'Stopping…',
  failed: 'Failed',
};

/** The status of a workspace as a badge, with progress while it changes and the reason of a failure. */
export function WorkspaceStatusBadge({ workspace }: { workspace: Workspace }) {
  return (
    <div className="ide-status">
      <span className={`ide-badge ide-badge--${workspace.status}`} data-status={workspace.status}>
        {STATUS_LABELS[workspace.status]}
      </span>
      {(workspace.status === 'starting' || workspace.status === 'stopping') && (
        <ProgressBar value={50} label={STATUS_LABELS[workspace.status]} size="small" />
      )}
      {workspace.statusDetail != null && workspace.statusDetail !== '' && (
        <p
          className={
            // A failure (or a process killed for memory) is a problem; why it stopped by itself (idle) is news.
            workspace.status === 'stopped' || workspace.status === 'stopping'
              ? 'ide-status__detail ide-status__detail--info'
              : 'ide-status__detail'
          }
        >
          {workspace.statusDetail}
        </p>
      )}
    </div>
  );
}

/** Memory and processes in use, and when an unused workspace stops. */
export function WorkspaceUsage({ workspace }: { workspace: Workspace }) {
  if (workspace.status !== 'running') {
    return <span className="ide-muted">—</span>;
  }
  const r = workspace.resources;
  return (
    <div className="ide-usage">
      {r != null && (
        <>
          <ProgressBar
            role="meter"
            value={r.memoryBytes}
            max={r.memoryLimitBytes}
            label="Memory in use"
            valueText={`${formatBytes(r.memoryBytes)} of ${formatBytes(r.memoryLimitBytes)}`}
            size="small"
            tone={r.memoryBytes > r.memoryLimitBytes * 0.9 ? 'danger' : 'normal'}
          />
          <span className="ide-muted">
            {formatBytes(r.memoryBytes)} of {formatBytes(r.memoryLimitBytes)} · {r.pids} processes ·{' '}
            {r.cpuSeconds.toFixed(1)} s CPU
          </span>
        </>
      )}
      {workspace.idleSecondsLeft != null && (
        <span className="ide-muted">
          Stops if unused in {formatDuration(workspace.idleSecondsLeft)}
        </span>
      )}
    </div>
  );
}
