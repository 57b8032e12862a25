import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, segment } from './node';

/** PUT (mark) or DELETE (unmark) /api/files/{id}/favorite. */
export function setFavorite({ id, favorite }: { id: string; favorite: boolean }): Promise<void> {
  return api.request(`/api/files/${segment(id)}/favorite`, {
    method: favorite ? 'PUT' : 'DELETE',
    notifyOnError: false,
  });
}

export function useSetFavorite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setFavorite,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
