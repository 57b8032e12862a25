import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { inventoryKeys, itemSchema, segment, type InventoryItem } from './item';

/** GET /api/inventory/items/{id}: one item with its attachments. */
export function getItem(id: string, signal?: AbortSignal): Promise<InventoryItem> {
  return api.get(`/api/inventory/items/${segment(id)}`, itemSchema, {
    signal,
    notifyOnError: false,
  });
}

export function useItem(id: string | null) {
  return useQuery({
    queryKey: inventoryKeys.item(id ?? ''),
    queryFn: ({ signal }) => getItem(id ?? '', signal),
    enabled: id !== null,
    retry: false,
  });
}
