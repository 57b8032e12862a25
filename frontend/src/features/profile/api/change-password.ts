import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api, ApiError } from '@/lib/api-client';
import { session } from '@/lib/auth/session';
import { tokenResponseSchema } from '@/lib/auth/token-response';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 1024;

/** The change-password form; the limits match the server's. */
export const changePasswordFormSchema = z
  .object({
    currentPassword: z.string().min(1, 'Enter your current password.'),
    newPassword: z
      .string()
      .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
      .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`),
    confirmPassword: z.string(),
  })
  .refine((form) => form.confirmPassword === form.newPassword, {
    path: ['confirmPassword'],
    message: 'The passwords do not match.',
  });

export type ChangePasswordForm = z.infer<typeof changePasswordFormSchema>;

export interface ChangePasswordInput {
  currentPassword: string;
  newPassword: string;
}

/**
 * POST /api/me/password. The server answers with fresh tokens and ends all other sessions.
 * A 401 here means the current password was wrong, not that the session is gone, so the
 * token is refreshed up front instead of after a 401.
 */
export async function changePassword(input: ChangePasswordInput): Promise<void> {
  if (!(await session.ensureFresh(30))) {
    session.end('expired');
    throw new ApiError({ status: 401, title: 'Your session has ended' });
  }
  const tokens = await api.post('/api/me/password', input, {
    schema: tokenResponseSchema,
    refreshOnUnauthorized: false,
    notifyOnError: false,
  });
  session.accept(tokens);
}

export function useChangePassword() {
  return useMutation({ mutationFn: changePassword });
}
