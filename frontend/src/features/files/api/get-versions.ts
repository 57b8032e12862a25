import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { filesKeys, idSchema, segment } from './node';

/** GET /api/files/{id}/versions: earlier contents of a file, kept on every overwrite. */
export const versionSchema = z.object({
  id: idSchema,
  size: z.number().nonnegative(),
  sha256: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  createdAt: z.string(),
});

export type FileVersion = z.infer<typeof versionSchema>;

export function getVersions(fileId: string, signal?: AbortSignal): Promise<FileVersion[]> {
  return api.get(`/api/files/${segment(fileId)}/versions`, z.array(versionSchema), {
    signal,
    notifyOnError: false,
  });
}

/** Newest first, whatever order the server used. */
export function useVersions(fileId: string) {
  return useQuery({
    queryKey: filesKeys.versions(fileId),
    queryFn: ({ signal }) => getVersions(fileId, signal),
    select: (versions) => [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });
}
