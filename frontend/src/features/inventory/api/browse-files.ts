import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { inventoryKeys, segment } from './item';

/** What the file picker needs of a node of GET /api/files/folders/{folderId}/children. */
const pickerNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['file', 'folder']),
});

export const pickerFolderSchema = z.object({
  folder: pickerNodeSchema,
  breadcrumbs: z.array(pickerNodeSchema),
  items: z.array(pickerNodeSchema),
  total: z.number().int().nonnegative(),
});

export type PickerNode = z.infer<typeof pickerNodeSchema>;
export type PickerFolder = z.infer<typeof pickerFolderSchema>;

export const ROOT_FOLDER = 'root';

export function getPickerFolder(folderId: string, signal?: AbortSignal): Promise<PickerFolder> {
  return api.get(
    `/api/files/folders/${segment(folderId)}/children?sort=name&order=asc&page=0&size=200`,
    pickerFolderSchema,
    { signal, notifyOnError: false },
  );
}

/** One folder of the user's Files, for choosing a file to attach. */
export function usePickerFolder(folderId: string) {
  return useQuery({
    queryKey: inventoryKeys.folder(folderId),
    queryFn: ({ signal }) => getPickerFolder(folderId, signal),
  });
}
