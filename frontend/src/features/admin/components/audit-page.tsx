import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { formatDateTime } from '@/lib/format';
import { notify } from '@/lib/notifications';
import {
  AUDIT_PAGE_SIZE,
  AUDIT_TYPES,
  useAuditEvents,
  type AuditFilters,
} from '../api/audit-events';
import { useExportAuditCsv } from '../api/export-audit-csv';
import { Pager } from './pager';
import { errorText } from './users-page';

const noFilters: AuditFilters = { user: '', type: '', outcome: '', from: '', to: '' };

/** A datetime-local value ("2026-11-26T10:30") as an ISO instant, or "" when empty or invalid. */
function toInstant(local: string): string {
  if (local === '') {
    return '';
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** The audit log: filters by user, type, outcome and time; pages; CSV export of the filtered events. */
export function AuditPage() {
  const [form, setForm] = useState({ ...noFilters });
  const [filters, setFilters] = useState<AuditFilters>(noFilters);
  const [page, setPage] = useState(0);
  const events = useAuditEvents(filters, page);
  const exportCsv = useExportAuditCsv();

  function apply(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setFilters({
      user: form.user.trim(),
      type: form.type,
      outcome: form.outcome,
      from: toInstant(form.from),
      to: toInstant(form.to),
    });
    setPage(0);
  }

  function set(key: keyof AuditFilters, value: string) {
    setForm((f) => ({ ...f, [key]: value }));
  }

  return (
    <section aria-label="Audit log">
      <form className="admin-toolbar" onSubmit={apply} aria-label="Audit filters">
        <TextField
          label="User"
          name="user"
          value={form.user}
          maxLength={100}
          onChange={(e) => {
            set('user', e.target.value);
          }}
        />
        <div className="field">
          <label className="field__label" htmlFor="audit-type">
            Type
          </label>
          <select
            id="audit-type"
            className="field__input"
            value={form.type}
            onChange={(e) => {
              set('type', e.target.value);
            }}
          >
            <option value="">Any type</option>
            {AUDIT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="audit-outcome">
            Outcome
          </label>
          <select
            id="audit-outcome"
            className="field__input"
            value={form.outcome}
            onChange={(e) => {
              set('outcome', e.target.value);
            }}
          >
            <option value="">Any</option>
            <option value="success">Success</option>
            <option value="failure">Failure</option>
          </select>
        </div>
        <TextField
          label="From"
          name="from"
          type="datetime-local"
          value={form.from}
          onChange={(e) => {
            set('from', e.target.value);
          }}
        />
        <TextField
          label="Until"
          name="to"
          type="datetime-local"
          value={form.to}
          onChange={(e) => {
            set('to', e.target.value);
          }}
        />
        <Button type="submit">Filter</Button>
        <span className="admin-toolbar__spacer" />
        <Button
          variant="secondary"
          busy={exportCsv.isPending}
          onClick={() => {
            exportCsv.mutate(filters, {
              onError: (error) => {
                notify('error', 'Export failed', errorText(error, 'The CSV could not be made.'));
              },
            });
          }}
        >
          Export CSV
        </Button>
      </form>
      {events.isPending && <Spinner label="Loading the audit log…" />}
      {events.isError && <Alert kind="error">{events.error.message}</Alert>}
      {events.data !== undefined && (
        <>
          <div className="admin-table-wrapper">
            <table className="admin-table" aria-label="Audit events">
              <thead>
                <tr>
                  <th>Time</th>
                  <th>Type</th>
                  <th>Actor</th>
                  <th>Target</th>
                  <th>Address</th>
                  <th>Details</th>
                </tr>
              </thead>
              <tbody>
                {events.data.items.map((e) => (
                  <tr key={e.id}>
                    <td>
                      <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                    </td>
                    <td>
                      {e.type}
                      {e.outcome === 'failure' && (
                        <span className="admin-badge admin-badge--bad">failure</span>
                      )}
                    </td>
                    <td>{e.actorName ?? '—'}</td>
                    <td>{e.target ?? '—'}</td>
                    <td>{e.address ?? '—'}</td>
                    <td className="admin-table__details">{e.details ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            size={AUDIT_PAGE_SIZE}
            total={events.data.total}
            busy={events.isFetching}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
