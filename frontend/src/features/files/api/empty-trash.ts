import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys } from './node';

/** DELETE /api/files/trash: deletes everything in the trash for good. */
export function emptyTrash(): Promise<void> {
  return api.request('/api/files/trash', { method: 'DELETE', notifyOnError: false });
}

export function useEmptyTrash() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: emptyTrash,
    onSettled: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
