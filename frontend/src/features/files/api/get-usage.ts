import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { filesKeys } from './node';

/** GET /api/files/usage: bytes used of the quota. No quota (unlimited) may come as null or negative. */
export const usageSchema = z.object({
  usedBytes: z.number().nonnegative(),
  quotaBytes: z
    .number()
    .nullish()
    .transform((v) => (v === null || v === undefined || v < 0 ? null : v)),
  freeBytes: z
    .number()
    .nullish()
    .transform((v) => (v === null || v === undefined || v < 0 ? null : v)),
});

export type StorageUsage = z.infer<typeof usageSchema>;

export function getUsage(signal?: AbortSignal): Promise<StorageUsage> {
  return api.get('/api/files/usage', usageSchema, { signal, notifyOnError: false });
}

export function useUsage() {
  return useQuery({ queryKey: filesKeys.usage, queryFn: ({ signal }) => getUsage(signal) });
}
