import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, segment } from './node';

/** DELETE /api/files/{id}/versions/{versionId}: forgets one earlier version. */
export function deleteVersion({
  fileId,
  versionId,
}: {
  fileId: string;
  versionId: string;
}): Promise<void> {
  return api.request(`/api/files/${segment(fileId)}/versions/${segment(versionId)}`, {
    method: 'DELETE',
    notifyOnError: false,
  });
}

export function useDeleteVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteVersion,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
