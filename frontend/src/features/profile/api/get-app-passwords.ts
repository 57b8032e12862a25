import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** One app password as the list shows it: never the password itself. */
export const appPasswordSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedAddress: z.string().nullable(),
});

export type AppPassword = z.infer<typeof appPasswordSchema>;

export const appPasswordKeys = { all: ['me', 'app-passwords'] as const };

/** GET /api/me/app-passwords: the signed-in user's app passwords, newest first. */
export function getAppPasswords(signal?: AbortSignal): Promise<AppPassword[]> {
  return api.get('/api/me/app-passwords', z.array(appPasswordSchema), { signal });
}

export function useAppPasswords() {
  return useQuery({
    queryKey: appPasswordKeys.all,
    queryFn: ({ signal }) => getAppPasswords(signal),
  });
}
