import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { inventoryKeys } from './item';

/** GET /api/inventory/status: whether an administrator turned InventoryPro on. */
export const statusSchema = z.object({ configured: z.boolean() });

export type InventoryStatus = z.infer<typeof statusSchema>;

export function getInventoryStatus(signal?: AbortSignal): Promise<InventoryStatus> {
  return api.get('/api/inventory/status', statusSchema, { signal, notifyOnError: false });
}

export function useInventoryStatus() {
  return useQuery({
    queryKey: inventoryKeys.status(),
    queryFn: ({ signal }) => getInventoryStatus(signal),
    staleTime: 60_000,
  });
}
