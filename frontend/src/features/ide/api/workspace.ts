import { z } from 'zod';

export const workspaceStatusSchema = z.enum([
  'stopped',
  'starting',
  'running',
  'stopping',
  'failed',
]);
export type WorkspaceStatus = z.infer<typeof workspaceStatusSchema>;

const resourcesSchema = z.object({
  memoryBytes: z.number(),
  memoryLimitBytes: z.number(),
  cpuSeconds: z.number(),
  pids: z.number(),
  pidsLimit: z.number(),
});

/** WorkspaceView: one IDE workspace as the server describes it. */
export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  template: z.string(),
  image: z.string(),
  status: workspaceStatusSchema,
  statusDetail: z.string().nullish(),
  memoryMb: z.number(),
  cpus: z.number(),
  autoStopMinutes: z.number().nullish(),
  createdAt: z.string(),
  startedAt: z.string().nullish(),
  lastActiveAt: z.string().nullish(),
  idleStopAt: z.string().nullish(),
  idleSecondsLeft: z.number().nullish(),
  resources: resourcesSchema.nullish(),
  runnerAvailable: z.boolean(),
});

export type Workspace = z.infer<typeof workspaceSchema>;

export const ideStatusSchema = z.object({
  runnerAvailable: z.boolean(),
  message: z.string().nullish(),
  templates: z.array(z.object({ name: z.string(), image: z.string() })),
  maxRunningWorkspaces: z.number(),
  memoryMb: z.number(),
  cpus: z.number(),
  idleTimeoutMinutes: z.number(),
});

export type IdeStatus = z.infer<typeof ideStatusSchema>;

export const fileEntrySchema = z.object({
  name: z.string(),
  path: z.string(),
  type: z.enum(['file', 'folder', 'link', 'other']),
  size: z.number(),
  modified: z.number(),
});

export type FileEntry = z.infer<typeof fileEntrySchema>;

export const terminalSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  cols: z.number(),
  rows: z.number(),
  exitCode: z.number().nullish(),
  clients: z.number(),
});

export type TerminalInfo = z.infer<typeof terminalSchema>;

/** Every IDE query starts with "ide", so one invalidation refreshes them all. */
export const ideKeys = {
  all: ['ide'] as const,
  status: ['ide', 'status'] as const,
  workspaces: ['ide', 'workspaces'] as const,
  workspace: (id: string) => ['ide', 'workspaces', id] as const,
  folder: (id: string, path: string) => ['ide', 'files', id, path] as const,
  files: (id: string) => ['ide', 'files', id] as const,
  terminals: (id: string) => ['ide', 'terminals', id] as const,
};

/** The API path of a workspace. */
export function workspacePath(id: string): string {
  return `/api/ide/workspaces/${encodeURIComponent(id)}`;
}

/** A query string carrying a workspace-relative path. */
export function pathQuery(path: string): string {
  return `path=${encodeURIComponent(path)}`;
}

/** Whether the status will change by itself soon (worth polling quickly). */
export function isTransitional(status: WorkspaceStatus): boolean {
  return status === 'starting' || status === 'stopping';
}
