import { z } from 'zod';

const nullableString = z
  .string()
  .nullish()
  .transform((v) => v ?? null);

/** A user as admins see it: the account, two-factor state, quota and usage. */
export const adminUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  email: nullableString,
  displayName: nullableString,
  role: z.string(),
  enabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: nullableString,
  mustChangePassword: z.boolean(),
  twoFactorEnabled: z.boolean(),
  quotaBytes: z.number(),
  usedBytes: z.number(),
  defaultQuota: z.boolean(),
});

export type AdminUser = z.infer<typeof adminUserSchema>;

export const userPageSchema = z.object({
  items: z.array(adminUserSchema),
  total: z.number().int().nonnegative(),
});

export type UserPage = z.infer<typeof userPageSchema>;

export type UserSort =
  | 'username'
  | 'displayName'
  | 'email'
  | 'role'
  | 'enabled'
  | 'lastLoginAt'
  | 'createdAt'
  | 'usedBytes';

export interface UserListParams {
  search: string;
  sort: UserSort;
  dir: 'asc' | 'desc';
  page: number;
  size: number;
}

/** Query keys of the admin console. */
export const adminKeys = {
  all: ['admin'] as const,
  users: () => [...adminKeys.all, 'users'] as const,
  userList: (params: UserListParams) => [...adminKeys.users(), 'list', params] as const,
  deletion: (id: string) => [...adminKeys.users(), 'deletion', id] as const,
  sessions: () => [...adminKeys.all, 'sessions'] as const,
  sessionList: (search: string, page: number) => [...adminKeys.sessions(), search, page] as const,
  audit: () => [...adminKeys.all, 'audit'] as const,
  settings: () => [...adminKeys.all, 'settings'] as const,
  status: () => [...adminKeys.all, 'status'] as const,
};

/** A path segment from an id. */
export function segment(id: string): string {
  return encodeURIComponent(id);
}
