import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { FolderPage } from '../api/get-folder-children';
import { filesKeys, type FileNode } from '../api/node';

function patchList(items: FileNode[], id: string, patch: Partial<FileNode>): FileNode[] {
  return items.map((item) => (item.id === id ? { ...item, ...patch } : item));
}

function isNode(value: unknown): value is FileNode {
  return typeof value === 'object' && value !== null && 'id' in value && 'type' in value;
}

/**
 * Applies a change to one node wherever the cache holds it (listings, search, recent, favourites,
 * the node itself), so a star toggles at once; the server's answer then refreshes everything.
 */
export function patchNodeInCache(
  queryClient: QueryClient,
  id: string,
  patch: Partial<FileNode>,
): void {
  queryClient.setQueriesData({ queryKey: filesKeys.all }, (data: unknown) => {
    if (Array.isArray(data)) {
      const list = data as unknown[];
      return list.every(isNode) ? patchList(list, id, patch) : list;
    }
    if (typeof data !== 'object' || data === null) {
      return data;
    }
    if ('pages' in data) {
      const infinite = data as InfiniteData<FolderPage>;
      return {
        ...infinite,
        pages: infinite.pages.map((page) => ({ ...page, items: patchList(page.items, id, patch) })),
      };
    }
    if ('items' in data && Array.isArray(data.items) && data.items.every(isNode)) {
      return { ...data, items: patchList(data.items, id, patch) };
    }
    if (isNode(data) && data.id === id) {
      return { ...data, ...patch };
    }
    return data;
  });
}
