import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** GET /api/me/sessions: one's open sign-ins, newest use first; current marks this one. */
export const ownSessionSchema = z.object({
  id: z.string(),
  device: z.string(),
  userAgent: z.string().nullish(),
  address: z.string().nullish(),
  createdAt: z.string(),
  lastUsedAt: z.string(),
  expiresAt: z.string(),
  current: z.boolean(),
});

export type OwnSession = z.infer<typeof ownSessionSchema>;

const sessionsKey = ['me', 'sessions'] as const;

export function useOwnSessions() {
  return useQuery({
    queryKey: sessionsKey,
    queryFn: ({ signal }) => api.get('/api/me/sessions', z.array(ownSessionSchema), { signal }),
  });
}

/** DELETE /api/me/sessions/{id}: that device is signed out at once. */
export function useEndOwnSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      api.request(`/api/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** DELETE /api/me/sessions: every other device is signed out. */
export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.request('/api/me/sessions', {
        method: 'DELETE',
        schema: z.object({ ended: z.number() }),
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
