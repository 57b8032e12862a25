import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { accountSchema, mailKeys, type MailAccount } from './schemas';

export type Security = 'tls' | 'starttls' | 'none';

/** The body of POST/PUT /api/mail/accounts (passwords may be left out of a change). */
export interface AccountInput {
  displayName: string;
  email: string;
  imap: { host: string; port: number; security: Security; username: string; password?: string };
  smtp: { host: string; port: number; security: Security; username?: string; password?: string };
  signature?: string;
}

/** GET /api/mail/accounts */
export function useAccounts() {
  return useQuery({
    queryKey: mailKeys.accounts(),
    queryFn: ({ signal }) => api.get('/api/mail/accounts', z.array(accountSchema), { signal }),
  });
}

/** POST /api/mail/accounts (tests both servers first; nothing is saved on failure). */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput): Promise<MailAccount> =>
      api.post('/api/mail/accounts', input, { schema: accountSchema, notifyOnError: false }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.accounts() }),
  });
}

/** PUT /api/mail/accounts/{id} */
export function useUpdateAccount(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AccountInput): Promise<MailAccount> =>
      api.request(`/api/mail/accounts/${id}`, {
        method: 'PUT',
        body: input,
        schema: accountSchema,
        notifyOnError: false,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}

/** POST /api/mail/accounts/test: connects without saving. */
export function useTestAccount() {
  return useMutation({
    mutationFn: (input: AccountInput) =>
      api.post('/api/mail/accounts/test', input, { notifyOnError: false }),
  });
}

/** DELETE /api/mail/accounts/{id} */
export function useDeleteAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.request(`/api/mail/accounts/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mailKeys.all }),
  });
}
