import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, segment } from './node';

/**
 * POST /api/files/trash/{id}/restore: back to where it was, or into parentId when that place is
 * gone (the server then answers 404 or 409 without one).
 */
export function restoreTrashItem({
  id,
  parentId,
}: {
  id: string;
  parentId?: string | undefined;
}): Promise<void> {
  return api.post(
    `/api/files/trash/${segment(id)}/restore`,
    parentId === undefined ? {} : { parentId },
    { notifyOnError: false },
  );
}

export function useRestoreTrashItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restoreTrashItem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
