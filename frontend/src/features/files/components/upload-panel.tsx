import { useState, useSyncExternalStore } from 'react';
import { Button } from '@/components/button';
import { CloseIcon } from '@/components/icons';
import { RetryIcon } from '@/components/file-icons';
import { CheckIcon, AlertIcon } from '@/components/icons';
import { ProgressBar } from '@/components/progress-bar';
import { uploadQueue, type UploadItem } from '../stores/upload-queue';
import { formatBytes, formatRemaining, formatSpeed, plural } from '../utils/format';

function statusText(item: UploadItem): string {
  switch (item.status) {
    case 'queued':
      return `Waiting · ${formatBytes(item.size)}`;
    case 'uploading': {
      const parts = [`${formatBytes(item.loaded)} of ${formatBytes(item.size)}`];
      if (item.bytesPerSecond !== null && item.bytesPerSecond > 0) {
        parts.push(formatSpeed(item.bytesPerSecond));
        parts.push(formatRemaining((item.size - item.loaded) / item.bytesPerSecond));
      }
      return parts.filter(Boolean).join(' · ');
    }
    case 'done':
      return `Uploaded · ${formatBytes(item.size)}`;
    case 'cancelled':
      return 'Cancelled';
    case 'failed':
      return item.error ?? 'Failed';
  }
}

/** Every upload of this tab: per-file progress and speed, cancel, retry. */
export function UploadPanel() {
  const items = useSyncExternalStore(uploadQueue.subscribe, uploadQueue.getSnapshot);
  const [collapsed, setCollapsed] = useState(false);
  if (items.length === 0) {
    return null;
  }

  const active = items.filter((i) => i.status === 'queued' || i.status === 'uploading');
  const failed = items.filter((i) => i.status === 'failed').length;
  const done = items.filter((i) => i.status === 'done').length;
  const totalBytes = active.reduce((sum, i) => sum + i.size, 0);
  const loadedBytes = active.reduce((sum, i) => sum + i.loaded, 0);
  const speed = active.reduce((sum, i) => sum + (i.bytesPerSecond ?? 0), 0);

  const title =
    active.length > 0
      ? `Uploading ${plural(active.length, 'file')}`
      : failed > 0
        ? `${plural(failed, 'upload')} failed`
        : `${plural(done, 'file')} uploaded`;
  const summary =
    active.length > 0
      ? [
          `${Math.floor((totalBytes > 0 ? loadedBytes / totalBytes : 0) * 100)}%`,
          speed > 0 ? formatSpeed(speed) : null,
        ]
          .filter(Boolean)
          .join(' · ')
      : null;

  return (
    <section className="upload-panel" aria-label="Uploads">
      <header className="upload-panel__header">
        <div className="upload-panel__heading">
          <h2 className="upload-panel__title">{title}</h2>
          {summary !== null && <p className="upload-panel__summary">{summary}</p>}
        </div>
        <div className="upload-panel__actions">
          {active.length > 0 ? (
            <Button
              variant="ghost"
              onClick={() => {
                uploadQueue.cancelAll();
              }}
            >
              Cancel all
            </Button>
          ) : (
            <Button
              variant="ghost"
              onClick={() => {
                uploadQueue.clearFinished();
              }}
            >
              Clear
            </Button>
          )}
          <button
            type="button"
            className="icon-button"
            aria-expanded={!collapsed}
            aria-label={collapsed ? 'Show uploads' : 'Hide uploads'}
            title={collapsed ? 'Show uploads' : 'Hide uploads'}
            onClick={() => {
              setCollapsed((c) => !c);
            }}
          >
            <span className={collapsed ? 'chevron chevron--up' : 'chevron chevron--down'} />
          </button>
        </div>
      </header>
      {active.length > 0 && (
        <ProgressBar
          label="Total upload progress"
          value={loadedBytes}
          max={Math.max(totalBytes, 1)}
          size="small"
        />
      )}
      {!collapsed && (
        <ul className="upload-panel__list">
          {items.map((item) => (
            <li key={item.id} className={`upload-item upload-item--${item.status}`}>
              <div className="upload-item__main">
                <p className="upload-item__name" title={item.path}>
                  {item.path}
                </p>
                {item.status === 'uploading' && (
                  <ProgressBar
                    label={`Uploading ${item.path}`}
                    value={item.loaded}
                    max={Math.max(item.size, 1)}
                    size="small"
                  />
                )}
                <p
                  className="upload-item__status"
                  role={item.status === 'failed' ? 'alert' : undefined}
                >
                  {item.status === 'done' && <CheckIcon width={14} height={14} />}
                  {item.status === 'failed' && <AlertIcon width={14} height={14} />}
                  {statusText(item)}
                </p>
              </div>
              {(item.status === 'queued' || item.status === 'uploading') && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Cancel upload of ${item.path}`}
                  title="Cancel"
                  onClick={() => {
                    uploadQueue.cancel(item.id);
                  }}
                >
                  <CloseIcon width={16} height={16} />
                </button>
              )}
              {(item.status === 'failed' || item.status === 'cancelled') && (
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Retry upload of ${item.path}`}
                  title="Retry"
                  onClick={() => {
                    uploadQueue.retry(item.id);
                  }}
                >
                  <RetryIcon width={16} height={16} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
