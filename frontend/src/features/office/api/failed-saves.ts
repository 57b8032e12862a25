import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys, segment } from './keys';
import { unsavedChangeSchema, type UnsavedChange } from './unsaved-changes';

export const failedSavesPageSchema = z.object({
  items: z.array(unsavedChangeSchema),
  total: z.number(),
});

export type FailedSavesPage = z.infer<typeof failedSavesPageSchema>;

export const PAGE_SIZE = 50;

/** GET /api/admin/office/failed-saves: every document change not stored yet (admins). */
export function getFailedSaves(page: number, signal?: AbortSignal): Promise<FailedSavesPage> {
  return api.get(
    `/api/admin/office/failed-saves?page=${page}&size=${PAGE_SIZE}`,
    failedSavesPageSchema,
    { signal, notifyOnError: false },
  );
}

export function useFailedSaves(page: number) {
  return useQuery({
    queryKey: officeKeys.failedSaves(page),
    queryFn: ({ signal }) => getFailedSaves(page, signal),
    refetchInterval: 30_000,
  });
}

/** POST /api/admin/office/failed-saves/{id}/retry. */
export function retryFailedSave(id: string): Promise<UnsavedChange> {
  return api.request(`/api/admin/office/failed-saves/${segment(id)}/retry`, {
    method: 'POST',
    schema: unsavedChangeSchema,
    notifyOnError: false,
  });
}

export function useRetryFailedSave() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryFailedSave,
    onSettled: () => queryClient.invalidateQueries({ queryKey: officeKeys.all }),
  });
}
