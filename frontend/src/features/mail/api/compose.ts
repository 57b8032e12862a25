import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import { session } from '@/lib/auth/session';
import { mailKeys } from './schemas';

/** The body of POST …/send and …/drafts. */
export interface ComposeInput {
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  text: string;
  inReplyTo?: { folder: string; uid: number } | undefined;
  forwardOf?: { folder: string; uid: number } | undefined;
  uploadIds: string[];
  fileIds: string[];
  draftUid?: number | undefined;
}

const sendResultSchema = z.object({
  messageId: z.string().nullable().optional(),
  sentFolder: z.string().nullable().optional(),
  warning: z.string().nullable().optional(),
});

/** POST /api/mail/accounts/{id}/send */
export function useSend(accountId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ComposeInput) =>
      api.post(`/api/mail/accounts/${accountId}/send`, input, {
        schema: sendResultSchema,
        notifyOnError: false,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}

/** POST /api/mail/accounts/{id}/drafts */
export function useSaveDraft(accountId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ComposeInput) =>
      api.post(`/api/mail/accounts/${accountId}/drafts`, input, {
        schema: z.object({ uid: z.number(), folder: z.string() }),
        notifyOnError: false,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}

export const uploadSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.number(),
  contentType: z.string(),
});
export type MailUpload = z.infer<typeof uploadSchema>;

/** POST /api/mail/uploads?name=: the file as the body (refused with the limit named when too large). */
export async function uploadAttachment(file: File): Promise<MailUpload> {
  await session.ensureFresh(60).catch(() => false);
  const token = session.getAccessToken();
  const response = await fetch(`/api/mail/uploads?${new URLSearchParams({ name: file.name })}`, {
    method: 'POST',
    headers: {
      'Content-Type': file.type === '' ? 'application/octet-stream' : file.type,
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
    },
    body: file,
    credentials: 'same-origin',
  }).catch(() => {
    throw ApiError.network();
  });
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return uploadSchema.parse(await response.json());
}
