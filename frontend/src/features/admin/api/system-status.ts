import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { adminKeys } from './admin-user';

export const componentStatusSchema = z.object({
  name: z.string(),
  status: z.string(),
  detail: z.string().nullish(),
  latencyMs: z.number().nullish(),
  data: z.record(z.string(), z.unknown()).nullish(),
  lastError: z.object({ message: z.string(), at: z.string() }).nullish(),
});

export type ComponentStatus = z.infer<typeof componentStatusSchema>;

export const systemStatusSchema = z.object({
  checkedAt: z.string(),
  appVersion: z.string().nullish(),
  javaVersion: z.string().nullish(),
  uptimeSeconds: z.number().nullish(),
  metricsUrl: z.string().nullish(),
  components: z.array(componentStatusSchema),
});

export type SystemStatus = z.infer<typeof systemStatusSchema>;

/** GET /api/admin/status: checks every part now (outbound checks take up to 2 s). */
export function getSystemStatus(signal?: AbortSignal): Promise<SystemStatus> {
  return api.get('/api/admin/status', systemStatusSchema, { signal });
}

export function useSystemStatus() {
  return useQuery({
    queryKey: adminKeys.status(),
    queryFn: ({ signal }) => getSystemStatus(signal),
    staleTime: 0,
  });
}
