import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { ideKeys, isTransitional, workspaceSchema, type Workspace } from './workspace';

/** GET /api/ide/workspaces: the user's workspaces with live status and resource use. */
export function getWorkspaces(): Promise<Workspace[]> {
  return api.get('/api/ide/workspaces', z.array(workspaceSchema), { notifyOnError: false });
}

/** Polls every 2 s while a workspace is starting or stopping, else every 15 s. */
export function useWorkspaces() {
  return useQuery({
    queryKey: ideKeys.workspaces,
    queryFn: getWorkspaces,
    refetchInterval: (query) =>
      (query.state.data ?? []).some((w) => isTransitional(w.status)) ? 2000 : 15_000,
  });
}
