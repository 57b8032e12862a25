import { api } from '@/lib/api-client';
import { nodeSchema, segment, type FileNode } from './node';

/** POST /api/files/{id}/copy: 201 with the copy; 409 when the name is taken in the target. */
export function copyNode({
  id,
  parentId,
  name,
}: {
  id: string;
  parentId: string;
  name?: string | undefined;
}): Promise<FileNode> {
  return api.post(
    `/api/files/${segment(id)}/copy`,
    name === undefined ? { parentId } : { parentId, name },
    { schema: nodeSchema, notifyOnError: false },
  );
}
