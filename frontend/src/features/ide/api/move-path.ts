import { api } from '@/lib/api-client';
import { workspacePath } from './workspace';

/** POST /api/ide/workspaces/{id}/files/move: rename or move; the target must not exist. */
export function movePath(id: string, from: string, to: string): Promise<undefined> {
  return api.request(`${workspacePath(id)}/files/move`, {
    method: 'POST',
    body: { from, to },
    notifyOnError: false,
  });
}
