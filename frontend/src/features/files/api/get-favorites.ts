import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, nodeListSchema, type FileNode } from './node';

/** GET /api/files/favorites: the files and folders marked with a star. */
export function getFavorites(signal?: AbortSignal): Promise<FileNode[]> {
  return api.get('/api/files/favorites', nodeListSchema, { signal, notifyOnError: false });
}

export function useFavorites() {
  return useQuery({ queryKey: filesKeys.favorites, queryFn: ({ signal }) => getFavorites(signal) });
}
