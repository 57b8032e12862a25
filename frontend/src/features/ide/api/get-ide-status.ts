import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { ideKeys, ideStatusSchema, type IdeStatus } from './workspace';

/** GET /api/ide/status: whether the runner answers, the templates and limits. */
export function getIdeStatus(): Promise<IdeStatus> {
  return api.get('/api/ide/status', ideStatusSchema, { notifyOnError: false });
}

export function useIdeStatus() {
  return useQuery({ queryKey: ideKeys.status, queryFn: getIdeStatus, refetchInterval: 30_000 });
}
