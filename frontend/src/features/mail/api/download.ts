import { ApiError } from '@/lib/api-error';
import { session } from '@/lib/auth/session';

/** GET with the session's Bearer token (attachment downloads); throws an ApiError on failure. */
export async function fetchAuthorized(path: string): Promise<Response> {
  await session.ensureFresh(30).catch(() => false);
  const token = session.getAccessToken();
  const response = await fetch(path, {
    headers: token === null ? {} : { Authorization: `Bearer ${token}` },
    credentials: 'same-origin',
  }).catch(() => {
    throw ApiError.network();
  });
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response;
}
