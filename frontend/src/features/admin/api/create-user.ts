import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { adminKeys, adminUserSchema, type AdminUser } from './admin-user';

/** The new-user form; the limits match the server's. */
export const createUserFormSchema = z.object({
  username: z.string().trim().min(1, 'Enter a username.').max(64, 'Use at most 64 characters.'),
  displayName: z.string().trim().max(128, 'Use at most 128 characters.'),
  email: z.union([z.literal(''), z.email('Enter an email address such as ada@example.org.')]),
  role: z.enum(['user', 'admin']),
  password: z
    .string()
    .min(8, 'Use at least 8 characters.')
    .max(1024, 'Use at most 1024 characters.'),
  mustChangePassword: z.boolean(),
});

export type CreateUserInput = z.infer<typeof createUserFormSchema>;

/** POST /api/admin/users. */
export function createUser(input: CreateUserInput): Promise<AdminUser> {
  return api.post(
    '/api/admin/users',
    {
      ...input,
      displayName: input.displayName === '' ? input.username : input.displayName,
      email: input.email === '' ? null : input.email,
    },
    { schema: adminUserSchema, notifyOnError: false },
  );
}

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}
