import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys, segment } from './keys';

/** A change the Document Server delivered that is not stored yet. */
export const unsavedChangeSchema = z.object({
  id: z.string(),
  fileId: z.string(),
  fileName: z.string(),
  ownerId: z.string(),
  callbackStatus: z.number(),
  state: z.enum(['saving', 'saved', 'failed']),
  attempts: z.number(),
  lastError: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  serverReportedError: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type UnsavedChange = z.infer<typeof unsavedChangeSchema>;

/** GET /api/office/unsaved: the signed-in user's changes not stored yet. */
export function getUnsavedChanges(signal?: AbortSignal): Promise<UnsavedChange[]> {
  return api.get('/api/office/unsaved', z.array(unsavedChangeSchema), {
    signal,
    notifyOnError: false,
  });
}

export function useUnsavedChanges() {
  return useQuery({
    queryKey: officeKeys.unsaved(),
    queryFn: ({ signal }) => getUnsavedChanges(signal),
    refetchInterval: 30_000,
  });
}

/** POST /api/office/unsaved/{id}/retry. */
export function retryUnsavedChange(id: string): Promise<UnsavedChange> {
  return api.request(`/api/office/unsaved/${segment(id)}/retry`, {
    method: 'POST',
    schema: unsavedChangeSchema,
    notifyOnError: false,
  });
}

export function useRetryUnsavedChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryUnsavedChange,
    onSettled: () => queryClient.invalidateQueries({ queryKey: officeKeys.all }),
  });
}
