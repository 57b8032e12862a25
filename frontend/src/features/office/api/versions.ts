import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys, segment } from './keys';

export const versionSchema = z.object({
  id: z.string(),
  size: z.number(),
  createdAt: z.string(),
});

export type Version = z.infer<typeof versionSchema>;

/** GET /api/files/{id}/versions: the earlier contents of a file, newest first. */
export function getVersions(fileId: string, signal?: AbortSignal): Promise<Version[]> {
  return api.get(`/api/files/${segment(fileId)}/versions`, z.array(versionSchema), {
    signal,
    notifyOnError: false,
  });
}

export function useVersions(fileId: string) {
  return useQuery({
    queryKey: officeKeys.versions(fileId),
    queryFn: ({ signal }) => getVersions(fileId, signal),
    select: (versions) => [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });
}

/** POST /api/files/{id}/versions/{versionId}/restore. */
export function restoreVersion({ fileId, versionId }: { fileId: string; versionId: string }) {
  return api.post(
    `/api/files/${segment(fileId)}/versions/${segment(versionId)}/restore`,
    undefined,
    {
      notifyOnError: false,
    },
  );
}

export function useRestoreVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreVersion,
    onSettled: () => queryClient.invalidateQueries({ queryKey: officeKeys.all }),
  });
}
