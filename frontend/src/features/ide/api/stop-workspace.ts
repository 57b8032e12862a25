import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ideKeys, workspacePath, workspaceSchema, type Workspace } from './workspace';

/** POST /api/ide/workspaces/{id}/stop: the files stay. */
export function stopWorkspace(id: string): Promise<Workspace> {
  return api.request(`${workspacePath(id)}/stop`, { method: 'POST', schema: workspaceSchema });
}

export function useStopWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: stopWorkspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(ideKeys.workspace(workspace.id), workspace);
      return queryClient.invalidateQueries({ queryKey: ideKeys.all });
    },
  });
}
