import { z } from 'zod';

/** Mail types as the API returns them (docs/api/mail.md). */
export const addressSchema = z.object({
  name: z.string().nullable().optional(),
  address: z.string(),
});
export type MailAddress = z.infer<typeof addressSchema>;

export const serverViewSchema = z.object({
  host: z.string(),
  port: z.number(),
  security: z.enum(['tls', 'starttls', 'none']),
  username: z.string().nullable().optional(),
  auth: z.boolean(),
});

export const accountSchema = z.object({
  id: z.number(),
  displayName: z.string(),
  email: z.string(),
  imap: serverViewSchema,
  smtp: serverViewSchema,
  signature: z.string().nullable().optional(),
});
export type MailAccount = z.infer<typeof accountSchema>;

export const folderSchema = z.object({
  path: z.string(),
  name: z.string(),
  role: z.string().nullable().optional(),
  selectable: z.boolean(),
  total: z.number(),
  unread: z.number(),
});
export type MailFolder = z.infer<typeof folderSchema>;

export const summarySchema = z.object({
  accountId: z.number(),
  folder: z.string(),
  uid: z.number(),
  subject: z.string().nullable().optional(),
  from: addressSchema.nullable().optional(),
  to: z.array(addressSchema),
  date: z.string().nullable().optional(),
  seen: z.boolean(),
  flagged: z.boolean(),
  answered: z.boolean(),
  draft: z.boolean(),
  hasAttachments: z.boolean(),
  size: z.number(),
  messageId: z.string().nullable().optional(),
  threadId: z.string(),
});
export type MessageSummary = z.infer<typeof summarySchema>;

export const pageSchema = z.object({
  page: z.number(),
  size: z.number(),
  total: z.number(),
  unread: z.number(),
  items: z.array(summarySchema),
});
export type MessagePage = z.infer<typeof pageSchema>;

export const attachmentSchema = z.object({
  part: z.string(),
  name: z.string(),
  contentType: z.string(),
  size: z.number(),
  inline: z.boolean(),
  contentId: z.string().nullable().optional(),
});
export type MailAttachment = z.infer<typeof attachmentSchema>;

export const messageSchema = z.object({
  accountId: z.number(),
  folder: z.string(),
  uid: z.number(),
  subject: z.string().nullable().optional(),
  from: z.array(addressSchema),
  to: z.array(addressSchema),
  cc: z.array(addressSchema),
  replyTo: z.array(addressSchema),
  date: z.string().nullable().optional(),
  messageId: z.string().nullable().optional(),
  references: z.array(z.string()),
  seen: z.boolean(),
  flagged: z.boolean(),
  text: z.string().nullable().optional(),
  html: z.string().nullable().optional(),
  remoteContentBlocked: z.boolean(),
  remoteContentAllowed: z.boolean(),
  senderTrusted: z.boolean(),
  attachments: z.array(attachmentSchema),
  problems: z.array(z.string()),
  htmlUrl: z.string(),
});
export type MailMessage = z.infer<typeof messageSchema>;

/** Query keys of the mail feature. */
export const mailKeys = {
  all: ['mail'] as const,
  accounts: () => ['mail', 'accounts'] as const,
  folders: (accountId: number) => ['mail', 'folders', accountId] as const,
  messages: (accountId: number | 'unified', folder: string, page: number, search: string) =>
    ['mail', 'messages', accountId, folder, page, search] as const,
  message: (accountId: number, folder: string, uid: number, remote: boolean) =>
    ['mail', 'message', accountId, folder, uid, remote] as const,
};

/** Where a message lives. */
export interface MessageRef {
  accountId: number;
  folder: string;
  uid: number;
}

export function formatAddress(a: MailAddress | null | undefined): string {
  if (a === null || a === undefined) {
    return '';
  }
  return a.name !== null && a.name !== undefined && a.name !== '' ? a.name : a.address;
}

export function fullAddress(a: MailAddress): string {
  return a.name !== null && a.name !== undefined && a.name !== ''
    ? `${a.name} <${a.address}>`
    : a.address;
}
