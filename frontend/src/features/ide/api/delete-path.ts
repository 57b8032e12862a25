import { api } from '@/lib/api-client';
import { pathQuery, workspacePath } from './workspace';

/** DELETE /api/ide/workspaces/{id}/files?path=: a file, or a folder with its content. */
export function deletePath(id: string, path: string): Promise<undefined> {
  return api.request(`${workspacePath(id)}/files?${pathQuery(path)}`, {
    method: 'DELETE',
    notifyOnError: false,
  });
}
