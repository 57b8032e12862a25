import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { folderSchema, mailKeys, messageSchema, pageSchema, type MessageRef } from './schemas';
import { searchParams } from './search-query';

/** How often an open folder is checked for new mail (cheap: the server revalidates with STATUS). */
export const POLL_MS = 30_000;

/** GET /api/mail/accounts/{id}/folders */
export function useFolders(accountId: number | null) {
  return useQuery({
    queryKey: mailKeys.folders(accountId ?? 0),
    queryFn: ({ signal }) =>
      api.get(`/api/mail/accounts/${accountId}/folders`, z.array(folderSchema), { signal }),
    enabled: accountId !== null,
    refetchInterval: POLL_MS,
  });
}

/** GET /api/mail/accounts/{id}/messages (a page, or a server search) or /api/mail/unified */
export function useMessages(
  accountId: number | 'unified' | null,
  folder: string,
  page: number,
  search: string,
) {
  return useQuery({
    queryKey: mailKeys.messages(accountId ?? 0, folder, page, search),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ page: String(page), size: '50' });
      if (accountId === 'unified') {
        return api.get(`/api/mail/unified?${params}`, pageSchema, { signal });
      }
      params.set('folder', folder);
      for (const [field, value] of Object.entries(searchParams(search))) {
        params.set(field, value);
      }
      return api.get(`/api/mail/accounts/${accountId}/messages?${params}`, pageSchema, { signal });
    },
    enabled: accountId !== null,
    refetchInterval: search === '' ? POLL_MS : false,
    placeholderData: keepPreviousData,
  });
}

/** GET /api/mail/accounts/{id}/messages/{uid}: marks it read. */
export function useMessage(ref: MessageRef | null, remote: boolean) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: mailKeys.message(ref?.accountId ?? 0, ref?.folder ?? '', ref?.uid ?? 0, remote),
    queryFn: async ({ signal }) => {
      if (ref === null) {
        throw new Error('no message chosen');
      }
      const params = new URLSearchParams({ folder: ref.folder, remoteImages: String(remote) });
      const message = await api.get(
        `/api/mail/accounts/${ref.accountId}/messages/${ref.uid}?${params}`,
        messageSchema,
        { signal },
      );
      void queryClient.invalidateQueries({ queryKey: ['mail', 'messages'] });
      void queryClient.invalidateQueries({ queryKey: ['mail', 'folders'] });
      return message;
    },
    enabled: ref !== null,
    staleTime: 60_000,
  });
}

export type MailAction = 'seen' | 'unseen' | 'flag' | 'unflag' | 'move' | 'delete' | 'archive';

/** POST /api/mail/accounts/{id}/messages/actions */
export function useMailAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: {
      accountId: number;
      folder: string;
      uids: number[];
      action: MailAction;
      target?: string;
    }) =>
      api.post(`/api/mail/accounts/${input.accountId}/messages/actions`, {
        folder: input.folder,
        uids: input.uids,
        action: input.action,
        target: input.target,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}

/** POST /api/mail/trusted-senders: always show this sender's remote images. */
export function useTrustSender() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (address: string) => api.post('/api/mail/trusted-senders', { address }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['mail', 'message'] }),
  });
}

/** POST …/parts/{part}/save: the attachment becomes a file in the root folder of Files. */
export function useSaveToFiles() {
  return useMutation({
    mutationFn: (input: MessageRef & { part: string }) =>
      api.post(
        `/api/mail/accounts/${input.accountId}/messages/${input.uid}/parts/${input.part}/save?${new URLSearchParams({ folder: input.folder })}`,
        {},
        { schema: z.object({ id: z.string(), name: z.string() }) },
      ),
  });
}
