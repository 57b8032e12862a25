import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { officeKeys, segment } from './keys';

export const editorSchema = z.object({ id: z.string(), name: z.string() });

/** GET /api/office/editor-config?fileId=: the signed config for DocsAPI.DocEditor. */
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
});

export type EditorConfig = z.infer<typeof editorConfigSchema>;
export type Editor = z.infer<typeof editorSchema>;

export function getEditorConfig(fileId: string, signal?: AbortSignal): Promise<EditorConfig> {
  return api.get(`/api/office/editor-config?fileId=${segment(fileId)}`, editorConfigSchema, {
    signal,
    notifyOnError: false,
  });
}

export function useEditorConfig(fileId: string, enabled: boolean) {
  return useQuery({
    queryKey: officeKeys.editorConfig(fileId),
    queryFn: ({ signal }) => getEditorConfig(fileId, signal),
    enabled,
    // A config is signed for one opening; never show a stale one.
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
}
