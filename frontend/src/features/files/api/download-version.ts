import { segment } from './node';
import { fetchAuthorized } from './transport';

/** GET /api/files/{id}/versions/{versionId}/content: the bytes of an earlier version. */
export async function getVersionContent(fileId: string, versionId: string): Promise<Blob> {
  const response = await fetchAuthorized(
    `/api/files/${segment(fileId)}/versions/${segment(versionId)}/content`,
  );
  return response.blob();
}
