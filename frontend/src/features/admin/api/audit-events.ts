import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { adminKeys } from './admin-user';

const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

export const auditEventSchema = z.object({
  id: z.union([z.number(), z.string()]),
  occurredAt: z.string(),
  type: z.string(),
  outcome: z.string(),
  actorId: nullableString,
  actorName: nullableString,
  target: nullableString,
  address: nullableString,
  details: nullableString,
});

export type AuditEvent = z.infer<typeof auditEventSchema>;

export const auditPageSchema = z.object({
  items: z.array(auditEventSchema),
  total: z.number().int().nonnegative(),
});

/** The filters of the audit log; empty strings are "any". */
export interface AuditFilters {
  user: string;
  type: string;
  outcome: string;
  /** ISO-8601 instants. */
  from: string;
  to: string;
}

export const AUDIT_PAGE_SIZE = 50;

/** The event types known so far (other features add theirs); the filter also takes any other. */
export const AUDIT_TYPES = [
  'auth.sign_in',
  'auth.sign_in_second_factor',
  'auth.sign_in_throttled',
  'auth.refresh_reuse',
  'auth.sign_out',
  'auth.password_change',
  'auth.session_end',
  'auth.2fa_enable',
  'auth.2fa_disable',
  'admin.bootstrap',
  'admin.user_create',
  'admin.user_edit',
  'admin.user_disable',
  'admin.user_enable',
  'admin.user_password_reset',
  'admin.user_quota',
  'admin.user_delete',
  'admin.session_end',
  'admin.user_2fa_reset',
  'admin.settings_change',
  'audit.purge',
  'files.access_denied',
  'inventorypro.ticket_issue',
  'inventorypro.ticket_redeem',
  'inventorypro.attach',
  'security.access_denied',
] as const;

/** The query string of a filter, as the list and the CSV export take it. */
export function auditQuery(filters: AuditFilters, page?: number): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of ['user', 'type', 'outcome', 'from', 'to'] as const) {
    if (filters[key] !== '') {
      query.set(key, filters[key]);
    }
  }
  if (page !== undefined) {
    query.set('page', String(page));
    query.set('size', String(AUDIT_PAGE_SIZE));
  }
  return query;
}

/** GET /api/admin/audit-events: newest first. */
export function listAuditEvents(filters: AuditFilters, page: number, signal?: AbortSignal) {
  return api.get(`/api/admin/audit-events?${auditQuery(filters, page)}`, auditPageSchema, {
    signal,
  });
}

export function useAuditEvents(filters: AuditFilters, page: number) {
  return useQuery({
    queryKey: [...adminKeys.audit(), filters, page],
    queryFn: ({ signal }) => listAuditEvents(filters, page, signal),
    placeholderData: keepPreviousData,
  });
}
