import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, segment } from './node';

/** POST /api/files/{id}/versions/{versionId}/restore: makes that version the current content. */
export function restoreVersion({
  fileId,
  versionId,
}: {
  fileId: string;
  versionId: string;
}): Promise<void> {
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
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
