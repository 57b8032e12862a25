import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { session } from '@/lib/auth/session';
import { tokenResponseSchema } from '@/lib/auth/token-response';

/** POST /api/auth/login body; the limits match the server's. */
export const signInInputSchema = z.object({
  username: z.string().trim().min(1, 'Enter your username.'),
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(1024, 'Passwords are at most 1024 characters.'),
});

export type SignInInput = z.infer<typeof signInInputSchema>;

/** Signs in and starts the session; the server also sets the refresh cookie. */
export async function signIn(input: SignInInput): Promise<void> {
  const tokens = await api.post('/api/auth/login', input, {
    schema: tokenResponseSchema,
    authenticated: false,
    notifyOnError: false,
  });
  session.accept(tokens);
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
