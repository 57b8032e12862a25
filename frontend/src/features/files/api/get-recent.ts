import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, nodeListSchema, type FileNode } from './node';

/** GET /api/files/recent: the files changed most recently, newest first. */
export function getRecent(signal?: AbortSignal): Promise<FileNode[]> {
  return api.get('/api/files/recent', nodeListSchema, { signal, notifyOnError: false });
}

export function useRecent() {
  return useQuery({ queryKey: filesKeys.recent, queryFn: ({ signal }) => getRecent(signal) });
}
