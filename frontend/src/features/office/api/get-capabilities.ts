import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys } from './keys';

/** GET /api/office/capabilities: whether a Document Server is configured, and what opens where. */
export const capabilitiesSchema = z.object({
  documentServer: z.boolean(),
  documentServerUrl: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  editable: z.array(z.string()),
  viewable: z.array(z.string()),
  text: z.array(z.string()),
});

export type Capabilities = z.infer<typeof capabilitiesSchema>;

export function getCapabilities(signal?: AbortSignal): Promise<Capabilities> {
  return api.get('/api/office/capabilities', capabilitiesSchema, { signal, notifyOnError: false });
}

export function useCapabilities() {
  return useQuery({
    queryKey: officeKeys.capabilities(),
    queryFn: ({ signal }) => getCapabilities(signal),
    staleTime: 60_000,
  });
}
