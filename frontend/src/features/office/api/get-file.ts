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

/** GET /api/files/{id}: the name and folder of a file. */
export function useFile(fileId: string) {
  return useQuery({
    queryKey: [...officeKeys.all, 'file', fileId],
    queryFn: ({ signal }) =>
      api.get(`/api/files/${segment(fileId)}`, fileSchema, { signal, notifyOnError: false }),
  });
}
