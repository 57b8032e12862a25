import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys, segment } from './keys';

export const fileSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

/** GET /api/files/{id} (or …/shares/incoming/{shareId}/nodes/{id}): the name and folder of a file. */
export function useFile(fileId: string, shareId: string | null = null) {
  const path =
    shareId === null
      ? `/api/files/${segment(fileId)}`
      : `/api/shares/incoming/${segment(shareId)}/nodes/${segment(fileId)}`;
  return useQuery({
    queryKey: [...officeKeys.all, 'file', fileId, shareId],
    queryFn: ({ signal }) => api.get(path, fileSchema, { signal, notifyOnError: false }),
  });
}
