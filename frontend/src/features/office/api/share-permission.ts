import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys } from './keys';

const incomingSchema = z.array(
  z.object({ id: z.string(), permission: z.enum(['read', 'read-write']) }),
);

/**
 * Whether a share with the user lets them change files ('read-write') or only read them, from
 * GET /api/shares/incoming; null when the share is not there (any more).
 */
export function useSharePermission(shareId: string | null) {
  return useQuery({
    queryKey: officeKeys.sharePermission(shareId ?? ''),
    queryFn: async ({ signal }) => {
      const shares = await api.get('/api/shares/incoming', incomingSchema, {
        signal,
        notifyOnError: false,
      });
      return shares.find((s) => s.id === shareId)?.permission ?? null;
    },
    enabled: shareId !== null,
    staleTime: 30_000,
  });
}
