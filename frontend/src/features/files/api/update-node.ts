import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, nodeSchema, segment, type FileNode } from './node';

export interface UpdateNodeInput {
  id: string;
  /** A new name (rename). */
  name?: string;
  /** A new parent folder (move). */
  parentId?: string;
}

/** PATCH /api/files/{id}: rename and/or move; 409 when the target name is taken. */
export function updateNode({ id, ...changes }: UpdateNodeInput): Promise<FileNode> {
  return api.request(`/api/files/${segment(id)}`, {
    method: 'PATCH',
    body: changes,
    schema: nodeSchema,
    notifyOnError: false,
  });
}

export function useUpdateNode() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateNode,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
