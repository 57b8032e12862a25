import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ideKeys, workspacePath } from './workspace';

/** DELETE /api/ide/workspaces/{id}: the workspace, its container and its files. */
export function deleteWorkspace(id: string): Promise<undefined> {
  return api.request(workspacePath(id), { method: 'DELETE', notifyOnError: false });
}

export function useDeleteWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteWorkspace,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ideKeys.workspaces }),
  });
}
