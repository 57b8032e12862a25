import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { filesKeys, nodeSchema, segment, type FileNode } from './node';

/** GET /api/files/{id}: one node, e.g. to refresh the details panel after a version restore. */
export function getNode(id: string, signal?: AbortSignal): Promise<FileNode> {
  return api.get(`/api/files/${segment(id)}`, nodeSchema, { signal, notifyOnError: false });
}

/** The node, starting from what a listing already knows about it. */
export function useNode(node: FileNode) {
  return useQuery({
    queryKey: filesKeys.node(node.id),
    queryFn: ({ signal }) => getNode(node.id, signal),
    initialData: node,
    initialDataUpdatedAt: 0,
  });
}
