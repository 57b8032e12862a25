import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { editorSchema } from './get-editor-config';
import { officeKeys, segment } from './keys';

export const editedFileSchema = z.object({ fileId: z.string(), editors: z.array(editorSchema) });

export type EditedFile = z.infer<typeof editedFileSchema>;

/** How often the file list asks again who is editing. */
const REFRESH_MS = 30_000;

/**
 * GET /api/office/folders/{folderId}/editing (&shareId= for a folder of a share with the user):
 * the files of the folder someone has open in the Document Server, in one request. Asked only
 * when a Document Server is configured.
 */
export function useEditingIn(folderId: string, shareId: string | null, enabled: boolean) {
  const share = shareId === null ? '' : `?shareId=${segment(shareId)}`;
  return useQuery({
    queryKey: officeKeys.editing(folderId, shareId),
    queryFn: ({ signal }) =>
      api.get(
        `/api/office/folders/${segment(folderId)}/editing${share}`,
        z.array(editedFileSchema),
        { signal, notifyOnError: false },
      ),
    enabled,
    refetchInterval: REFRESH_MS,
    retry: false,
  });
}
