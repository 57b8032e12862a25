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

/** The answer for an account with two-factor sign-in: a short-lived token for the second step. */
const mfaRequiredSchema = z.object({
  mfaRequired: z.literal(true),
  mfaToken: z.string().min(1),
  expiresIn: z.number().positive(),
});

const loginResponseSchema = z.union([tokenResponseSchema, mfaRequiredSchema]);

/** What a password sign-in came to: signed in, or a code is needed next. */
export type SignInOutcome = { kind: 'signed-in' } | { kind: 'code-required'; mfaToken: string };

/** Signs in and starts the session (the server also sets the refresh cookie), or asks for a code. */
export async function signIn(input: SignInInput): Promise<SignInOutcome> {
  const answer = await api.post('/api/auth/login', input, {
    schema: loginResponseSchema,
    authenticated: false,
    notifyOnError: false,
  });
  if ('mfaRequired' in answer) {
    return { kind: 'code-required', mfaToken: answer.mfaToken };
  }
  session.accept(answer);
  return { kind: 'signed-in' };
}

export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}

/** POST /api/auth/login/mfa: the second step with a TOTP or recovery code. */
export async function completeSignIn(input: { mfaToken: string; code: string }): Promise<void> {
  const tokens = await api.post('/api/auth/login/mfa', input, {
    schema: tokenResponseSchema,
    authenticated: false,
    notifyOnError: false,
  });
  session.accept(tokens);
}

export function useCompleteSignIn() {
  return useMutation({ mutationFn: completeSignIn });
}
