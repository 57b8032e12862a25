import { ApiError } from '@/lib/api-error';
import { session } from '@/lib/auth/session';
import { segment } from './keys';

/**
 * Downloads a file's content (of a share with the user when `shareId` is given) with the session's
 * token and hands it to the browser as a download.
 */
export async function downloadFile(
  fileId: string,
  name: string,
  shareId: string | null = null,
): Promise<void> {
  const fresh = await session.ensureFresh(30).catch(() => false);
  const token = session.getAccessToken();
  if (!fresh || token === null) {
    session.end('expired');
    throw new ApiError({ status: 401, title: 'Your session has ended' });
  }
  const base = shareId === null ? '/api/files' : `/api/shares/incoming/${segment(shareId)}/files`;
  const response = await fetch(`${base}/${segment(fileId)}/content`, {
    headers: { Authorization: `Bearer ${token}` },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}
