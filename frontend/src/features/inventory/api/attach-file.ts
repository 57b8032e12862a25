import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { attachmentSchema, inventoryKeys, segment, type InventoryAttachment } from './item';

/** POST /api/inventory/items/{id}/attachments: the server streams the user's file to InventoryPro. */
export function attachFile(itemId: string, fileId: string): Promise<InventoryAttachment> {
  return api.post(
    `/api/inventory/items/${segment(itemId)}/attachments`,
    { fileId },
    { schema: attachmentSchema, notifyOnError: false },
  );
}

export function useAttachFile(itemId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (fileId: string) => attachFile(itemId, fileId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inventoryKeys.item(itemId) }),
  });
}
