import { useMutation } from '@tanstack/react-query';
import { ApiError } from '@/lib/api-client';
import { session } from '@/lib/auth/session';
import { auditQuery, type AuditFilters } from './audit-events';

/**
 * GET /api/admin/audit-events.csv with the list's filters, saved as a download. The body is text,
 * so this asks with the access token itself (refreshed first) rather than through the JSON client.
 */
export async function exportAuditCsv(filters: AuditFilters): Promise<void> {
  const path = `/api/admin/audit-events.csv?${auditQuery(filters)}`;
  let response = await fetchCsv(path);
  if (response.status === 401 && (await session.refresh().catch(() => false))) {
    response = await fetchCsv(path);
  }
  if (response.status === 401) {
    session.end('expired');
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `audit-log-${new Date().toISOString().slice(0, 10)}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

async function fetchCsv(path: string): Promise<Response> {
  await session.ensureFresh(30).catch(() => false);
  const headers = new Headers({ Accept: 'text/csv, application/problem+json' });
  const token = session.getAccessToken();
  if (token !== null) {
    headers.set('Authorization', `Bearer ${token}`);
  }
  try {
    return await fetch(path, { headers, credentials: 'same-origin' });
  } catch {
    throw ApiError.network();
  }
}

export function useExportAuditCsv() {
  return useMutation({ mutationFn: exportAuditCsv });
}
