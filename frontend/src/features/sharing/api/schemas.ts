import { z } from 'zod';

/** Shares are keyed by "sharing", so one invalidation refreshes them all. */
export const sharingKeys = {
  all: ['sharing'] as const,
  ofNode: (nodeId: string) => ['sharing', 'node', nodeId] as const,
  marks: ['sharing', 'marks'] as const,
  incoming: ['sharing', 'incoming'] as const,
  incomingChildren: (shareId: string, folderId: string) =>
    ['sharing', 'incoming', shareId, folderId] as const,
};

const nullable = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);

/** A file or folder as the sharing API shows it (the file API's NodeView). */
export const sharedNodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(['file', 'folder']),
  parentId: nullable(z.string()),
  size: z.number(),
  mimeType: nullable(z.string()),
  modifiedAt: z.string(),
  etag: nullable(z.string()),
});
export type SharedNode = z.infer<typeof sharedNodeSchema>;

export const listingSchema = z.object({
  folder: sharedNodeSchema,
  breadcrumbs: z.array(sharedNodeSchema),
  items: z.array(sharedNodeSchema),
  total: z.number(),
});
export type SharedListing = z.infer<typeof listingSchema>;

export const partySchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: nullable(z.string()),
});

export type UserPermission = 'read' | 'read-write';
export type LinkPermission = 'read' | 'upload';

export const userShareSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  recipient: partySchema,
  permission: z.enum(['read', 'read-write']),
  createdAt: z.string(),
});
export type UserShare = z.infer<typeof userShareSchema>;

export const linkSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  token: z.string(),
  path: z.string(),
  permission: z.enum(['read', 'upload']),
  hasPassword: z.boolean(),
  expiresAt: nullable(z.string()),
  downloadCount: z.number(),
  createdAt: z.string(),
});
export type ShareLink = z.infer<typeof linkSchema>;

export const nodeSharesSchema = z.object({
  nodeId: z.string(),
  users: z.array(userShareSchema),
  links: z.array(linkSchema),
});
export type NodeShares = z.infer<typeof nodeSharesSchema>;

export const marksSchema = z.array(
  z.object({ nodeId: z.string(), withUsers: z.boolean(), byLink: z.boolean() }),
);
export type SharedMarks = z.infer<typeof marksSchema>;

export const incomingShareSchema = z.object({
  id: z.string(),
  permission: z.enum(['read', 'read-write']),
  owner: partySchema,
  node: sharedNodeSchema,
  sharedAt: z.string(),
});
export type IncomingShare = z.infer<typeof incomingShareSchema>;

export const publicInfoSchema = z.object({
  permission: nullable(z.enum(['read', 'upload'])),
  passwordRequired: z.boolean(),
  unlocked: z.boolean(),
  expiresAt: nullable(z.string()),
  node: nullable(sharedNodeSchema),
  sharedBy: nullable(z.string()),
});
export type PublicInfo = z.infer<typeof publicInfoSchema>;

/** A path segment, encoded. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
