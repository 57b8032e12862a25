import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { adminKeys, segment } from './admin-user';

/** GET /api/admin/users/{id}/deletion: what deleting the user would take away. */
export const deletionPreviewSchema = z.object({
  userId: z.string(),
  username: z.string(),
  files: z.number(),
  folders: z.number(),
  fileBytes: z.number(),
  versions: z.number(),
  versionBytes: z.number(),
  trashItems: z.number(),
  trashBytes: z.number(),
  totalBytes: z.number(),
  allowed: z.boolean(),
  refusal: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

export type DeletionPreview = z.infer<typeof deletionPreviewSchema>;

export function getDeletionPreview(id: string, signal?: AbortSignal): Promise<DeletionPreview> {
  return api.get(`/api/admin/users/${segment(id)}/deletion`, deletionPreviewSchema, {
    signal,
    notifyOnError: false,
  });
}

export function useDeletionPreview(id: string) {
  return useQuery({
    queryKey: adminKeys.deletion(id),
    queryFn: ({ signal }) => getDeletionPreview(id, signal),
    staleTime: 0,
  });
}

export const userDeletedSchema = z.object({
  username: z.string(),
  disposition: z.enum(['transfer', 'remove']),
  recipient: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  folder: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  files: z.number(),
  folders: z.number(),
  bytes: z.number(),
  trashItems: z.number(),
});

export type UserDeleted = z.infer<typeof userDeletedSchema>;

export type DeleteUserInput =
  | { id: string; confirm: string; files: 'remove' }
  | { id: string; confirm: string; files: 'transfer'; transferTo: string };

/** DELETE /api/admin/users/{id}?confirm=&files=&transferTo=: the username typed back confirms it. */
export function deleteUser(input: DeleteUserInput): Promise<UserDeleted> {
  const query = new URLSearchParams({ confirm: input.confirm, files: input.files });
  if (input.files === 'transfer') {
    query.set('transferTo', input.transferTo);
  }
  return api.request(`/api/admin/users/${segment(input.id)}?${query}`, {
    method: 'DELETE',
    schema: userDeletedSchema,
    notifyOnError: false,
  });
}

export function useDeleteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}
