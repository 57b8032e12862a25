import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { currentUserQueryKey } from '@/lib/auth/current-user';

/** GET /api/me/2fa. */
export const twoFactorStatusSchema = z.object({
  enabled: z.boolean(),
  pending: z.boolean(),
  recoveryCodesLeft: z.number(),
  required: z.boolean(),
});

export type TwoFactorStatus = z.infer<typeof twoFactorStatusSchema>;

export const twoFactorKey = ['me', '2fa'] as const;

export function useTwoFactorStatus() {
  return useQuery({
    queryKey: twoFactorKey,
    queryFn: ({ signal }) => api.get('/api/me/2fa', twoFactorStatusSchema, { signal }),
  });
}

/** POST /api/me/2fa/enrol: a new secret, its otpauth URI and a QR code (SVG data URI). */
export const enrolmentSchema = z.object({
  secret: z.string(),
  otpauthUri: z.string(),
  qrCode: z.string().startsWith('data:image/svg+xml;base64,'),
});

export type Enrolment = z.infer<typeof enrolmentSchema>;

export function useEnrol() {
  return useMutation({
    mutationFn: () =>
      api.post('/api/me/2fa/enrol', undefined, { schema: enrolmentSchema, notifyOnError: false }),
  });
}

/** POST /api/me/2fa/confirm: the ten recovery codes, shown only this once. */
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export function useConfirmEnrolment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      api.post(
        '/api/me/2fa/confirm',
        { code },
        { schema: recoveryCodesSchema, notifyOnError: false },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: twoFactorKey });
    },
  });
}

/** POST /api/me/2fa/disable with the password and a code. */
export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string; code: string }) =>
      api.post('/api/me/2fa/disable', input, {
        notifyOnError: false,
        // 401 here is a wrong password or code, not an ended session.
        refreshOnUnauthorized: false,
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: twoFactorKey });
      void queryClient.invalidateQueries({ queryKey: currentUserQueryKey });
    },
  });
}
