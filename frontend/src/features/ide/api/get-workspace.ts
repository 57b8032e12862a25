import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import {
  ideKeys,
  isTransitional,
  workspacePath,
  workspaceSchema,
  type Workspace,
} from './workspace';

/** GET /api/ide/workspaces/{id}. */
export function getWorkspace(id: string): Promise<Workspace> {
  return api.get(workspacePath(id), workspaceSchema, { notifyOnError: false });
}

export function useWorkspace(id: string) {
  return useQuery({
    queryKey: ideKeys.workspace(id),
    queryFn: () => getWorkspace(id),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status !== undefined && isTransitional(status) ? 1000 : 15_000;
    },
  });
}
