import { api } from '@/lib/api-client';
import { segment } from './node';

/** DELETE /api/files/{id}: moves the node to the trash (204). */
export function deleteNode(id: string): Promise<void> {
  return api.request(`/api/files/${segment(id)}`, { method: 'DELETE', notifyOnError: false });
}
