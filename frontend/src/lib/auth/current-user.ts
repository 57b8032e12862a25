import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** GET /api/me: the signed-in account. */
export const currentUserSchema = z.object({
  id: z.union([z.string(), z.number()]),
  username: z.string(),
  email: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  displayName: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  role: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  /** A temporary password: nothing else works until it is changed. */
  mustChangePassword: z.boolean().optional().default(false),
  twoFactorEnabled: z.boolean().optional().default(false),
  /** The settings require a second factor of this user; without one only enrolment works. */
  twoFactorRequired: z.boolean().optional().default(false),
});

export type CurrentUser = z.infer<typeof currentUserSchema>;

export const currentUserQueryKey = ['me'] as const;

export function getCurrentUser(signal?: AbortSignal): Promise<CurrentUser> {
  return api.get('/api/me', currentUserSchema, { signal });
}

export function useCurrentUser() {
  return useQuery({
    queryKey: currentUserQueryKey,
    queryFn: ({ signal }) => getCurrentUser(signal),
  });
}

/** The name to greet someone by: their display name, else their username. */
export function nameOf(user: Pick<CurrentUser, 'displayName' | 'username'>): string {
  const displayName = user.displayName?.trim();
  return displayName !== undefined && displayName !== '' ? displayName : user.username;
}
