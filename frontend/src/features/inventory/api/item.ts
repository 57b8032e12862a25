import { z } from 'zod';

/** Path segments are encoded; ids come from InventoryPro and the user's files. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}

export const attachmentSchema = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string().nullable().optional(),
  size: z.number().nullable().optional(),
});

/** An InventoryPro item as /api/inventory answers it; search results carry no attachments. */
export const itemSchema = z.object({
  id: z.string(),
  sku: z.string().nullable().optional(),
  name: z.string(),
  description: z.string().nullable().optional(),
  quantity: z.number().nullable().optional(),
  location: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  attachments: z.array(attachmentSchema).nullable().optional(),
});

export type InventoryItem = z.infer<typeof itemSchema>;
export type InventoryAttachment = z.infer<typeof attachmentSchema>;

export const inventoryKeys = {
  all: ['inventory'] as const,
  status: () => [...inventoryKeys.all, 'status'] as const,
  search: (query: string) => [...inventoryKeys.all, 'search', query] as const,
  item: (id: string) => [...inventoryKeys.all, 'item', id] as const,
  folder: (folderId: string) => [...inventoryKeys.all, 'folder', folderId] as const,
};
