import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { appPasswordKeys } from './get-app-passwords';

export const APP_PASSWORD_NAME_MAX = 100;

/** The name field of a new app password; the limits match the server's. */
export const appPasswordNameSchema = z
  .string()
  .trim()
  .min(1, 'Name it after the device or program that will use it, e.g. "Laptop (Finder)".')
  .max(APP_PASSWORD_NAME_MAX, `Use at most ${APP_PASSWORD_NAME_MAX} characters.`);

/** A new app password: the password itself is in this answer only. */
export const createdAppPasswordSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  password: z.string(),
  username: z.string(),
  webdavPath: z.string(),
});

export type CreatedAppPassword = z.infer<typeof createdAppPasswordSchema>;

/** POST /api/me/app-passwords. */
export function createAppPassword(name: string): Promise<CreatedAppPassword> {
  return api.post(
    '/api/me/app-passwords',
    { name },
    { schema: createdAppPasswordSchema, notifyOnError: false },
  );
}

export function useCreateAppPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createAppPassword,
    onSettled: () => queryClient.invalidateQueries({ queryKey: appPasswordKeys.all }),
  });
}
