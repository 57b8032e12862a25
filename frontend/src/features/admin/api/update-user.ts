import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys, adminUserSchema, segment, type AdminUser } from './admin-user';

export interface UserChange {
  displayName?: string;
  email?: string;
  role?: string;
}

/** PATCH /api/admin/users/{id}: name, email, role; absent fields stay, "" removes the email. */
export function updateUser(id: string, change: UserChange): Promise<AdminUser> {
  return api.request(`/api/admin/users/${segment(id)}`, {
    method: 'PATCH',
    body: change,
    schema: adminUserSchema,
    notifyOnError: false,
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, change }: { id: string; change: UserChange }) => updateUser(id, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminKeys.users() }),
  });
}
