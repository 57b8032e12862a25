import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, nodeSchema, segment, type FileNode } from './node';

/** POST /api/files/folders/{folderId}/folders: 201 with the new folder, 409 when the name is taken. */
export function createFolder({
  parentId,
  name,
}: {
  parentId: string;
  name: string;
}): Promise<FileNode> {
  return api.post(
    `/api/files/folders/${segment(parentId)}/folders`,
    { name },
    {
      schema: nodeSchema,
      notifyOnError: false,
    },
  );
}

export function useCreateFolder() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFolder,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: filesKeys.all }),
  });
}
