import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys, adminUserSchema, segment, type AdminUser } from './admin-user';

/** POST /api/admin/users/{id}/disable or /enable; disabling ends every session at once. */
export function setUserEnabled(id: string, enabled: boolean): Promise<AdminUser> {
  return api.post(`/api/admin/users/${segment(id)}/${enabled ? 'enable' : 'disable'}`, undefined, {
    schema: adminUserSchema,
    notifyOnError: false,
  });
}

/** POST /api/admin/users/{id}/password: a temporary password the user must change. */
export function resetPassword(id: string, password: string): Promise<AdminUser> {
  return api.post(
    `/api/admin/users/${segment(id)}/password`,
    { password },
    { schema: adminUserSchema, notifyOnError: false },
  );
}

/** PUT /api/admin/users/{id}/quota: bytes, or null for the workspace default. */
export async function setQuota(id: string, quotaBytes: number | null): Promise<void> {
  await api.request(`/api/admin/users/${segment(id)}/quota`, {
    method: 'PUT',
    body: { quotaBytes },
    notifyOnError: false,
  });
}

/** DELETE /api/admin/users/{id}/2fa: the user signs in with the password alone until enrolling again. */
export async function resetTwoFactor(id: string): Promise<void> {
  await api.request(`/api/admin/users/${segment(id)}/2fa`, {
    method: 'DELETE',
    notifyOnError: false,
  });
}

function useUserMutation<V>(fn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.all }),
  });
}

export function useSetUserEnabled() {
  return useUserMutation(({ id, enabled }: { id: string; enabled: boolean }) =>
    setUserEnabled(id, enabled),
  );
}

export function useResetPassword() {
  return useUserMutation(({ id, password }: { id: string; password: string }) =>
    resetPassword(id, password),
  );
}

export function useSetQuota() {
  return useUserMutation(({ id, quotaBytes }: { id: string; quotaBytes: number | null }) =>
    setQuota(id, quotaBytes),
  );
}

export function useResetTwoFactor() {
  return useUserMutation((id: string) => resetTwoFactor(id));
}
