import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys, segment } from './keys';

export const editorSchema = z.object({ id: z.string(), name: z.string() });

/**
 * GET /api/office/editor-config?fileId= (&shareId= for a file of a share with the user): the signed
 * config for DocsAPI.DocEditor.
 */
export const editorConfigSchema = z.object({
  documentServerUrl: z.string(),
  apiScriptUrl: z.string(),
  config: z.record(z.string(), z.unknown()),
  fileId: z.string(),
  folderId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  fileName: z.string(),
  mode: z.enum(['edit', 'view']),
  editors: z.array(editorSchema),
  shareId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

export type EditorConfig = z.infer<typeof editorConfigSchema>;
export type Editor = z.infer<typeof editorSchema>;

export function getEditorConfig(
  fileId: string,
  shareId: string | null,
  signal?: AbortSignal,
): Promise<EditorConfig> {
  const share = shareId === null ? '' : `&shareId=${segment(shareId)}`;
  return api.get(
    `/api/office/editor-config?fileId=${segment(fileId)}${share}`,
    editorConfigSchema,
    {
      signal,
      notifyOnError: false,
    },
  );
}

export function useEditorConfig(fileId: string, shareId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: officeKeys.editorConfig(fileId, shareId),
    queryFn: ({ signal }) => getEditorConfig(fileId, shareId, signal),
    enabled,
    // A config is signed for one opening; never show a stale one.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
