import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export type DocumentKind = 'document' | 'spreadsheet' | 'presentation';

export const newDocumentSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

export type NewDocument = z.infer<typeof newDocumentSchema>;

/** POST /api/office/documents: a blank docx, xlsx or pptx in a folder. */
export function createDocument(input: {
  folderId: string;
  name: string;
  kind: DocumentKind;
}): Promise<NewDocument> {
  return api.request('/api/office/documents', {
    method: 'POST',
    body: input,
    schema: newDocumentSchema,
    notifyOnError: false,
  });
}

export function useCreateDocument() {
  return useMutation({ mutationFn: createDocument });
}
