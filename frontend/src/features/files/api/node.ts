import { z } from 'zod';

/** Ids may be numbers or strings on the wire; the SPA always handles them as strings. */
export const idSchema = z.union([z.string(), z.number()]).transform(String);

/** NodeView: one file or folder as the server describes it. */
export const nodeSchema = z.object({
  id: idSchema,
  name: z.string(),
  type: z.enum(['file', 'folder']),
  parentId: idSchema.nullish().transform((v) => v ?? null),
  size: z
    .number()
    .nullish()
    .transform((v) => v ?? 0),
  mimeType: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  createdAt: z.string(),
  modifiedAt: z.string(),
  etag: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  favorite: z
    .boolean()
    .nullish()
    .transform((v) => v ?? false),
  /** Only in search results (and maybe recent/favourites): where the node lives. */
  path: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
});

export type FileNode = z.infer<typeof nodeSchema>;

/** The lists of recent files and favourites: a bare array, or a page like search answers. */
export const nodeListSchema = z
  .union([z.array(nodeSchema), z.object({ items: z.array(nodeSchema) })])
  .transform((value) => (Array.isArray(value) ? value : value.items));

export type SortField = 'name' | 'size' | 'modified';
export type SortOrder = 'asc' | 'desc';

export interface FolderSort {
  field: SortField;
  order: SortOrder;
}

/** Every files query starts with "files", so one invalidation refreshes them all. */
export const filesKeys = {
  all: ['files'] as const,
  children: (folderId: string, sort: FolderSort) =>
    ['files', 'children', folderId, sort.field, sort.order] as const,
  folders: (folderId: string) => ['files', 'folders', folderId] as const,
  node: (id: string) => ['files', 'node', id] as const,
  trash: ['files', 'trash'] as const,
  versions: (id: string) => ['files', 'versions', id] as const,
  usage: ['files', 'usage'] as const,
  search: (query: string) => ['files', 'search', query] as const,
  recent: ['files', 'recent'] as const,
  favorites: ['files', 'favorites'] as const,
};

export const ROOT_FOLDER_ID = 'root';

/** A path segment for the URL: ids come from the server, but never trust them to be URL-safe. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
