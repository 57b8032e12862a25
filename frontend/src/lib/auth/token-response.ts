import { z } from 'zod';

/** The body of login, refresh and password change: a short-lived access token. */
export const tokenResponseSchema = z.object({
  accessToken: z.string().min(1),
  tokenType: z.string().optional(),
  expiresIn: z.number().positive(),
});

export type TokenResponse = z.infer<typeof tokenResponseSchema>;
