import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ideKeys, workspacePath, workspaceSchema, type Workspace } from './workspace';

/** POST /api/ide/workspaces/{id}/start: in the background; answers with status starting. */
export function startWorkspace(id: string): Promise<Workspace> {
  return api.request(`${workspacePath(id)}/start`, { method: 'POST', schema: workspaceSchema });
}

export function useStartWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startWorkspace,
    onSuccess: (workspace) => {
      queryClient.setQueryData(ideKeys.workspace(workspace.id), workspace);
      return queryClient.invalidateQueries({ queryKey: ideKeys.all });
    },
  });
}
