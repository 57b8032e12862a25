import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { appPasswordKeys } from './get-app-passwords';

/** DELETE /api/me/app-passwords/{id}: clients using it are refused from their next request on. */
export function revokeAppPassword(id: string): Promise<void> {
  return api.request(`/api/me/app-passwords/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    notifyOnError: false,
  });
}

export function useRevokeAppPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeAppPassword,
    onSettled: () => queryClient.invalidateQueries({ queryKey: appPasswordKeys.all }),
  });
}
