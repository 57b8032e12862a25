import { api } from '@/lib/api-client';
import { workspacePath } from './workspace';

/** POST /api/ide/workspaces/{id}/files/folders: a new folder whose parent exists. */
export function createFolder(id: string, path: string): Promise<undefined> {
  return api.request(`${workspacePath(id)}/files/folders`, {
    method: 'POST',
    body: { path },
    notifyOnError: false,
  });
}
