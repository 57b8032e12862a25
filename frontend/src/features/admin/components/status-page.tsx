import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { useSystemStatus, type ComponentStatus } from '../api/system-status';
import { formatBytes, formatDuration } from '../utils/format';

const names: Record<string, string> = {
  database: 'Database',
  storage: 'Storage',
  runner: 'Runner',
  docker: 'Docker engine',
  documentServer: 'Document Server',
  inventoryPro: 'InventoryPro',
};

const statusLabels: Record<string, { text: string; tone: string }> = {
  up: { text: 'Up', tone: 'admin-badge--good' },
  down: { text: 'Down', tone: 'admin-badge--bad' },
  unknown: { text: 'Unknown', tone: 'admin-badge--warn' },
  not_configured: { text: 'Not configured', tone: '' },
};

function dataText(key: string, value: unknown): string {
  if (typeof value === 'number' && key.toLowerCase().endsWith('bytes')) {
    return formatBytes(value);
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

/** The health of every part, with the last error of each, versions and the metrics link. */
export function StatusPage() {
  const status = useSystemStatus();
  if (status.isPending) {
    return <Spinner label="Checking every part of the workspace…" />;
  }
  if (status.isError) {
    return <Alert kind="error">{status.error.message}</Alert>;
  }
  const report = status.data;
  return (
    <section className="stack" aria-label="System status">
      <div className="admin-toolbar">
        <p className="muted" role="status">
          Checked {formatDateTime(report.checkedAt)}
          {report.appVersion != null && ` · Cloud Workspace ${report.appVersion}`}
          {report.javaVersion != null && ` · Java ${report.javaVersion}`}
          {report.uptimeSeconds != null && ` · up ${formatDuration(report.uptimeSeconds)}`}
        </p>
        <span className="admin-toolbar__spacer" />
        {report.metricsUrl != null && (
          <a
            className="button button--secondary"
            href={report.metricsUrl}
            target="_blank"
            rel="noreferrer"
          >
            Prometheus metrics
          </a>
        )}
        <Button
          variant="secondary"
          busy={status.isFetching}
          onClick={() => {
            void status.refetch();
          }}
        >
          Check again
        </Button>
      </div>
      <div className="admin-status">
        {report.components.map((component) => (
          <ComponentCard key={component.name} component={component} />
        ))}
      </div>
    </section>
  );
}

function ComponentCard({ component }: { component: ComponentStatus }) {
  const label = statusLabels[component.status] ?? { text: component.status, tone: '' };
  const name = names[component.name] ?? component.name;
  return (
    <article className="admin-status__card" aria-label={name} data-component={component.name}>
      <div className="admin-status__head">
        <h2 className="admin-status__name">{name}</h2>
        <span className={`admin-badge ${label.tone}`}>{label.text}</span>
      </div>
      {component.detail != null && <p>{component.detail}</p>}
      <dl className="description-list">
        {component.latencyMs != null && (
          <div className="description-list__row">
            <dt>Answered in</dt>
            <dd>{component.latencyMs} ms</dd>
          </div>
        )}
        {Object.entries(component.data ?? {}).map(([key, value]) => (
          <div className="description-list__row" key={key}>
            <dt>{key}</dt>
            <dd>{dataText(key, value)}</dd>
          </div>
        ))}
      </dl>
      {component.lastError != null && (
        <Alert kind="error" title={`Last error, ${formatDateTime(component.lastError.at)}`}>
          {component.lastError.message}
        </Alert>
      )}
    </article>
  );
}
