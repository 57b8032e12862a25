import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { filesKeys, idSchema } from './node';

/** GET /api/files/trash: what was deleted, with where it came from. */
export const trashItemSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: z.enum(['file', 'folder']),
  size: z
    .number()
    .nullish()
    .transform((v) => v ?? 0),
  trashedAt: z.string(),
  originalPath: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

export type TrashItem = z.infer<typeof trashItemSchema>;

export function getTrash(signal?: AbortSignal): Promise<TrashItem[]> {
  return api.get('/api/files/trash', z.array(trashItemSchema), { signal, notifyOnError: false });
}

export function useTrash() {
  return useQuery({ queryKey: filesKeys.trash, queryFn: ({ signal }) => getTrash(signal) });
}
