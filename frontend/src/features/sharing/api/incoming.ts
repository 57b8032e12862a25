import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import {
  incomingShareSchema,
  listingSchema,
  segment,
  sharedNodeSchema,
  sharingKeys,
  type SharedNode,
} from './schemas';
import { sendAuthorized } from './transport';

const base = (shareId: string) => `/api/shares/incoming/${segment(shareId)}`;

/** GET /api/shares/incoming: what other users share with the signed-in user. */
export function useIncomingShares() {
  return useQuery({
    queryKey: sharingKeys.incoming,
    queryFn: ({ signal }) =>
      api.get('/api/shares/incoming', z.array(incomingShareSchema), {
        signal,
        notifyOnError: false,
      }),
  });
}

/** GET /api/shares/incoming/{shareId}/folders/{folderId}/children ('root': the shared folder). */
export function useIncomingChildren(shareId: string, folderId: string) {
  return useQuery({
    queryKey: sharingKeys.incomingChildren(shareId, folderId),
    queryFn: ({ signal }) =>
      api.get(`${base(shareId)}/folders/${segment(folderId)}/children`, listingSchema, {
        signal,
        notifyOnError: false,
      }),
  });
}

/** The bytes of a shared file, for saving or previewing. */
export async function getIncomingContent(shareId: string, fileId: string): Promise<Blob> {
  const response = await sendAuthorized(`${base(shareId)}/files/${segment(fileId)}/content`);
  return response.blob();
}

/** A shared folder as a zip. */
export async function getIncomingZip(shareId: string, folderId: string): Promise<Blob> {
  const response = await sendAuthorized(`${base(shareId)}/folders/${segment(folderId)}/zip`);
  return response.blob();
}

function useIncomingMutation<A, R>(fn: (args: A) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSettled: () => queryClient.invalidateQueries({ queryKey: sharingKeys.incoming }),
  });
}

/** PUT …/folders/{folderId}/files/{name} (read-write shares; the owner's quota applies). */
export function useUploadToShare() {
  return useIncomingMutation(
    async ({
      shareId,
      folderId,
      file,
    }: {
      shareId: string;
      folderId: string;
      file: File;
    }): Promise<SharedNode> => {
      const response = await sendAuthorized(
        `${base(shareId)}/folders/${segment(folderId)}/files/${segment(file.name)}`,
        {
          method: 'PUT',
          body: file,
          headers: { 'Content-Type': file.type || 'application/octet-stream' },
        },
      );
      return sharedNodeSchema.parse(await response.json());
    },
  );
}

/** POST …/folders/{folderId}/folders. */
export function useCreateSharedFolder() {
  return useIncomingMutation(
    ({ shareId, folderId, name }: { shareId: string; folderId: string; name: string }) =>
      api.post(
        `${base(shareId)}/folders/${segment(folderId)}/folders`,
        { name },
        { schema: sharedNodeSchema, notifyOnError: false },
      ),
  );
}

/** PATCH …/nodes/{id}: rename inside a read-write share. */
export function useRenameShared() {
  return useIncomingMutation(
    ({ shareId, id, name }: { shareId: string; id: string; name: string }) =>
      api.request(`${base(shareId)}/nodes/${segment(id)}`, {
        method: 'PATCH',
        body: { name },
        schema: sharedNodeSchema,
        notifyOnError: false,
      }),
  );
}

/** DELETE …/nodes/{id}: to the owner's trash. */
export function useDeleteShared() {
  return useIncomingMutation(
    ({ shareId, id }: { shareId: string; id: string }): Promise<undefined> =>
      api.request(`${base(shareId)}/nodes/${segment(id)}`, {
        method: 'DELETE',
        notifyOnError: false,
      }),
  );
}

/** DELETE /api/shares/incoming/{shareId}: leave a share. */
export function useLeaveShare() {
  return useIncomingMutation(({ shareId }: { shareId: string }): Promise<undefined> =>
    api.request(base(shareId), { method: 'DELETE', notifyOnError: false }),
  );
}
