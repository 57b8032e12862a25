import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { adminKeys, userPageSchema, type UserListParams, type UserPage } from './admin-user';

/** GET /api/admin/users: one page of users matching the search, sorted. */
export function listUsers(params: UserListParams, signal?: AbortSignal): Promise<UserPage> {
  const query = new URLSearchParams({
    search: params.search,
    sort: params.sort,
    dir: params.dir,
    page: String(params.page),
    size: String(params.size),
  });
  return api.get(`/api/admin/users?${query}`, userPageSchema, { signal });
}

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: adminKeys.userList(params),
    queryFn: ({ signal }) => listUsers(params, signal),
    placeholderData: keepPreviousData,
  });
}
