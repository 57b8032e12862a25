import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { filesKeys, nodeSchema } from './node';

/** GET /api/files/search?q=: nodes whose name matches, each with its path. */
export const searchResultSchema = z.object({
  items: z.array(nodeSchema),
  total: z.number().int().nonnegative(),
});

export type SearchResult = z.infer<typeof searchResultSchema>;

export function searchFiles(query: string, signal?: AbortSignal): Promise<SearchResult> {
  return api.get(`/api/files/search?${new URLSearchParams({ q: query })}`, searchResultSchema, {
    signal,
    notifyOnError: false,
  });
}

export function useSearchFiles(query: string) {
  const trimmed = query.trim();
  return useQuery({
    queryKey: filesKeys.search(trimmed),
    queryFn: ({ signal }) => searchFiles(trimmed, signal),
    enabled: trimmed !== '',
    placeholderData: keepPreviousData,
  });
}
