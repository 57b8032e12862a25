import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ideKeys, workspacePath, workspaceSchema, type Workspace } from './workspace';

/** POST /api/ide/workspaces/{id}/restart: stop, then start in the background. */
export function restartWorkspace(id: string): Promise<Workspace> {
  return api.request(`${workspacePath(id)}/restart`, { method: 'POST', schema: workspaceSchema });
}

export function useRestartWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: restartWorkspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(ideKeys.workspace(workspace.id), workspace);
      return queryClient.invalidateQueries({ queryKey: ideKeys.all });
    },
  });
}
