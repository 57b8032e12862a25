import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, segment } from './node';

/** DELETE /api/files/trash/{id}: deletes one item for good. */
export function deleteTrashItem(id: string): Promise<void> {
  return api.request(`/api/files/trash/${segment(id)}`, {
    method: 'DELETE',
    notifyOnError: false,
  });
}

export function useDeleteTrashItem() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTrashItem,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
