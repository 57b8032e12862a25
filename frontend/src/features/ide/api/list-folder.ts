import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { fileEntrySchema, ideKeys, pathQuery, workspacePath, type FileEntry } from './workspace';

/** GET /api/ide/workspaces/{id}/files?path=: a folder's entries, folders first. */
export function listFolder(id: string, path: string): Promise<FileEntry[]> {
  return api.get(`${workspacePath(id)}/files?${pathQuery(path)}`, z.array(fileEntrySchema), {
    notifyOnError: false,
  });
}

export function useFolder(id: string, path: string, enabled = true) {
  return useQuery({
    queryKey: ideKeys.folder(id, path),
    queryFn: () => listFolder(id, path),
    enabled,
  });
}
