import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** What the compose window needs of GET /api/files/folders/{folderId}/children. */
const nodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['file', 'folder']),
});
const folderSchema = z.object({
  folder: nodeSchema,
  breadcrumbs: z.array(nodeSchema),
  items: z.array(nodeSchema),
});
export type FilesNode = z.infer<typeof nodeSchema>;

/** One folder of the user's Files, for attaching a file. */
export function useFilesFolder(folderId: string | null) {
  return useQuery({
    queryKey: ['mail', 'files', folderId],
    queryFn: ({ signal }) =>
      api.get(
        `/api/files/folders/${encodeURIComponent(folderId ?? 'root')}/children?sort=name&order=asc&page=0&size=200`,
        folderSchema,
        { signal, notifyOnError: false },
      ),
    enabled: folderId !== null,
  });
}
