import { z } from 'zod';
import { api } from '@/lib/api-client';
import { terminalSchema, workspacePath, type TerminalInfo } from './workspace';

/** GET /api/ide/workspaces/{id}/terminals: the shells that are open (they survive closed tabs). */
export function listTerminals(id: string): Promise<TerminalInfo[]> {
  return api.get(`${workspacePath(id)}/terminals`, z.array(terminalSchema), {
    notifyOnError: false,
  });
}

/** POST /api/ide/workspaces/{id}/terminals: a new login shell. */
export function openTerminal(id: string, cols: number, rows: number): Promise<TerminalInfo> {
  return api.request(`${workspacePath(id)}/terminals`, {
    method: 'POST',
    body: { cols, rows },
    schema: terminalSchema,
  });
}

/** DELETE /api/ide/workspaces/{id}/terminals/{terminalId}: ends the shell and its jobs. */
export function closeTerminal(id: string, terminalId: string): Promise<undefined> {
  return api.request(`${workspacePath(id)}/terminals/${encodeURIComponent(terminalId)}`, {
    method: 'DELETE',
    notifyOnError: false,
  });
}

const ticketSchema = z.object({ ticket: z.string(), expiresIn: z.number(), path: z.string() });

/** POST .../terminals/{terminalId}/ticket: a one-time ticket; answers the WebSocket URL to open. */
export async function terminalSocketUrl(id: string, terminalId: string): Promise<string> {
  const ticket = await api.request(
    `${workspacePath(id)}/terminals/${encodeURIComponent(terminalId)}/ticket`,
    { method: 'POST', schema: ticketSchema, notifyOnError: false },
  );
  const scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${window.location.host}${ticket.path}`;
}
