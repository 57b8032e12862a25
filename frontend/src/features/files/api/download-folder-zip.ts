import { segment } from './node';
import { fetchAuthorized } from './transport';

/** GET /api/files/{id}/zip: a folder and everything in it as one zip archive. */
export async function getFolderZip(id: string, signal?: AbortSignal): Promise<Blob> {
  const response = await fetchAuthorized(`/api/files/${segment(id)}/zip`, { signal });
  return response.blob();
}
