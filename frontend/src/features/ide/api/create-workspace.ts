import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ideKeys, workspaceSchema, type Workspace } from './workspace';

export interface CreateWorkspaceInput {
  name: string;
  template: string;
}

/** POST /api/ide/workspaces: a new, stopped workspace. */
export function createWorkspace(input: CreateWorkspaceInput): Promise<Workspace> {
  return api.request('/api/ide/workspaces', {
    method: 'POST',
    body: input,
    schema: workspaceSchema,
    notifyOnError: false,
  });
}

export function useCreateWorkspace() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkspace,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ideKeys.workspaces }),
  });
}
