import { useInfiniteQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { filesKeys, nodeSchema, segment, type FileNode, type FolderSort } from './node';

/** GET /api/files/folders/{folderId}/children: one page of a folder, with its path from the root. */
export const folderPageSchema = z.object({
  folder: nodeSchema,
  breadcrumbs: z.array(nodeSchema),
  items: z.array(nodeSchema),
  total: z.number().int().nonnegative(),
});

export type FolderPage = z.infer<typeof folderPageSchema>;

export const FOLDER_PAGE_SIZE = 200;

export function getFolderChildren(
  folderId: string,
  { sort, page, size = FOLDER_PAGE_SIZE }: { sort: FolderSort; page: number; size?: number },
  signal?: AbortSignal,
): Promise<FolderPage> {
  const query = new URLSearchParams({
    sort: sort.field,
    order: sort.order,
    page: String(page),
    size: String(size),
  });
  return api.get(`/api/files/folders/${segment(folderId)}/children?${query}`, folderPageSchema, {
    signal,
    // The page shows a folder that failed to load itself.
    notifyOnError: false,
  });
}

/** The folder's listing, page by page; folders first, then the server's order. */
export function useFolderChildren(folderId: string, sort: FolderSort) {
  return useInfiniteQuery({
    queryKey: filesKeys.children(folderId, sort),
    queryFn: ({ pageParam, signal }) =>
      getFolderChildren(folderId, { sort, page: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (lastPage, pages) => {
      const loaded = pages.reduce((count, page) => count + page.items.length, 0);
      return loaded < lastPage.total && lastPage.items.length > 0 ? pages.length : undefined;
    },
    select: (data) => {
      const first = data.pages[0];
      const items = data.pages.flatMap((page) => page.items);
      return {
        folder: first?.folder,
        breadcrumbs: first === undefined ? [] : pathOf(first),
        items: foldersFirst(items),
        total: data.pages[data.pages.length - 1]?.total ?? 0,
      };
    },
  });
}

/** The breadcrumbs from the root to the folder itself, whether or not the server included it. */
export function pathOf(page: Pick<FolderPage, 'folder' | 'breadcrumbs'>): FileNode[] {
  const last = page.breadcrumbs[page.breadcrumbs.length - 1];
  return last?.id === page.folder.id ? page.breadcrumbs : [...page.breadcrumbs, page.folder];
}

/** Folders before files; the order inside each group is the server's sort. */
export function foldersFirst(items: FileNode[]): FileNode[] {
  return [
    ...items.filter((item) => item.type === 'folder'),
    ...items.filter((item) => item.type !== 'folder'),
  ];
}

/** Finds a child by name, reading the folder page by page (used when a create answered 409). */
export async function findChild(folderId: string, name: string): Promise<FileNode | undefined> {
  for (let page = 0; ; page++) {
    const result = await getFolderChildren(folderId, {
      sort: { field: 'name', order: 'asc' },
      page,
    });
    const found = result.items.find((item) => item.name === name);
    if (found !== undefined) {
      return found;
    }
    if (result.items.length === 0 || (page + 1) * FOLDER_PAGE_SIZE >= result.total) {
      return undefined;
    }
  }
}
