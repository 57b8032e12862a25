import { useQuery } from '@tanstack/react-query';
import { getFolderChildren, pathOf } from './get-folder-children';
import { filesKeys } from './node';

/**
 * The folders inside a folder, for the folder picker: the same children endpoint, sorted by
 * name, reading every page so no folder is missing.
 */
export function useSubfolders(folderId: string) {
  return useQuery({
    queryKey: filesKeys.folders(folderId),
    queryFn: async ({ signal }) => {
      const sort = { field: 'name', order: 'asc' } as const;
      const first = await getFolderChildren(folderId, { sort, page: 0 }, signal);
      const items = [...first.items];
      for (let page = 1; items.length < first.total; page++) {
        const next = await getFolderChildren(folderId, { sort, page }, signal);
        if (next.items.length === 0) {
          break;
        }
        items.push(...next.items);
      }
      return {
        folder: first.folder,
        path: pathOf(first),
        folders: items.filter((item) => item.type === 'folder'),
      };
    },
  });
}
