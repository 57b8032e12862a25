import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { inventoryKeys, itemSchema } from './item';

/** GET /api/inventory/items?q=: matching items and how many matched in all. */
export const searchResultSchema = z.object({
  items: z.array(itemSchema),
  total: z.number().int().nonnegative(),
});

export type SearchResult = z.infer<typeof searchResultSchema>;

export const SEARCH_MAX_LENGTH = 200;

export function searchItems(query: string, signal?: AbortSignal): Promise<SearchResult> {
  return api.get(`/api/inventory/items?${new URLSearchParams({ q: query })}`, searchResultSchema, {
    signal,
    notifyOnError: false,
  });
}

/** Runs once a search was submitted (null until then); InventoryPro failures are not retried. */
export function useSearchItems(query: string | null) {
  return useQuery({
    queryKey: inventoryKeys.search(query ?? ''),
    queryFn: ({ signal }) => searchItems(query ?? '', signal),
    enabled: query !== null,
    retry: false,
  });
}
