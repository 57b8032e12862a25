import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { adminKeys, segment } from './admin-user';

const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

/** An open sign-in session of any user. */
export const adminSessionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  device: z.string(),
  userAgent: nullableString,
  address: nullableString,
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
});

export type AdminSession = z.infer<typeof adminSessionSchema>;

export const sessionPageSchema = z.object({
  items: z.array(adminSessionSchema),
  total: z.number().int().nonnegative(),
});

export const SESSION_PAGE_SIZE = 50;

/** GET /api/admin/sessions: every user's open sessions, newest use first. */
export function listSessions(search: string, page: number, signal?: AbortSignal) {
  const query = new URLSearchParams({
    search,
    page: String(page),
    size: String(SESSION_PAGE_SIZE),
  });
  return api.get(`/api/admin/sessions?${query}`, sessionPageSchema, { signal });
}

export function useAllSessions(search: string, page: number) {
  return useQuery({
    queryKey: adminKeys.sessionList(search, page),
    queryFn: ({ signal }) => listSessions(search, page, signal),
    placeholderData: keepPreviousData,
  });
}

/** DELETE /api/admin/users/{userId}/sessions/{id}: the session's tokens stop at once. */
export async function endSession(userId: string, sessionId: string): Promise<void> {
  await api.request(`/api/admin/users/${segment(userId)}/sessions/${segment(sessionId)}`, {
    method: 'DELETE',
  });
}

export function useEndSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, sessionId }: { userId: string; sessionId: string }) =>
      endSession(userId, sessionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.sessions() }),
  });
}
