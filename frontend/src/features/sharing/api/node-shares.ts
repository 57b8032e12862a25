import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import {
  linkSchema,
  marksSchema,
  nodeSharesSchema,
  segment,
  sharingKeys,
  userShareSchema,
  type LinkPermission,
  type ShareLink,
  type UserPermission,
  type UserShare,
} from './schemas';

/** GET /api/shares?nodeId=: the users and links a file or folder is shared with. */
export function useNodeShares(nodeId: string) {
  return useQuery({
    queryKey: sharingKeys.ofNode(nodeId),
    queryFn: ({ signal }) =>
      api.get(`/api/shares?nodeId=${segment(nodeId)}`, nodeSharesSchema, {
        signal,
        notifyOnError: false,
      }),
  });
}

/** GET /api/shares/marks: which of the user's nodes are shared, for the icon in listings. */
export function useSharedMarks() {
  return useQuery({
    queryKey: sharingKeys.marks,
    queryFn: ({ signal }) =>
      api.get('/api/shares/marks', marksSchema, { signal, notifyOnError: false }),
    staleTime: 30_000,
  });
}

/**
 * What to tell the user when a mutation ends. Given to the hook rather than to {@code mutate}: the row that started
 * it may be gone by then (the refreshed list no longer has a revoked link), and TanStack Query skips the callbacks of
 * {@code mutate} once its component unmounted.
 */
export interface MutationNotices<R> {
  onSuccess?: (result: R) => void;
  onError?: (error: Error) => void;
}

function useInvalidatingMutation<A, R>(
  fn: (args: A) => Promise<R>,
  notices: MutationNotices<R> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: notices.onSuccess,
    onError: notices.onError,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.all }),
  });
}

/** POST /api/shares/users. */
export function useShareWithUser() {
  return useInvalidatingMutation(
    (args: { nodeId: string; username: string; permission: UserPermission }): Promise<UserShare> =>
      api.post('/api/shares/users', args, { schema: userShareSchema, notifyOnError: false }),
  );
}

/** PATCH /api/shares/users/{id}. */
export function useChangeUserShare() {
  return useInvalidatingMutation(
    ({ id, permission }: { id: string; permission: UserPermission }): Promise<UserShare> =>
      api.request(`/api/shares/users/${segment(id)}`, {
        method: 'PATCH',
        body: { permission },
        schema: userShareSchema,
        notifyOnError: false,
      }),
  );
}

/** DELETE /api/shares/{id}: removes a share with a user or revokes a link. */
export function useRemoveShare(notices?: MutationNotices<undefined>) {
  return useInvalidatingMutation(
    ({ id }: { id: string }): Promise<undefined> =>
      api.request(`/api/shares/${segment(id)}`, { method: 'DELETE', notifyOnError: false }),
    notices,
  );
}

export interface LinkOptions {
  permission?: LinkPermission;
  password?: string;
  expiresAt?: string;
}

/** POST /api/shares/links. */
export function useCreateLink() {
  return useInvalidatingMutation((args: { nodeId: string } & LinkOptions): Promise<ShareLink> =>
    api.post('/api/shares/links', args, { schema: linkSchema, notifyOnError: false }),
  );
}

export interface LinkChange {
  permission?: LinkPermission;
  password?: string;
  removePassword?: boolean;
  expiresAt?: string;
  removeExpiry?: boolean;
}

/** PATCH /api/shares/links/{id}. */
export function useChangeLink() {
  return useInvalidatingMutation(
    ({ id, ...change }: { id: string } & LinkChange): Promise<ShareLink> =>
      api.request(`/api/shares/links/${segment(id)}`, {
        method: 'PATCH',
        body: change,
        schema: linkSchema,
        notifyOnError: false,
      }),
  );
}
