import { ApiError } from '@/lib/api-error';
import { session } from '@/lib/auth/session';

/**
 * Binary downloads and raw uploads of shared files, which the JSON api client cannot make: they
 * carry the session's Bearer token, refresh it once on 401, and turn problem details into the
 * same ApiError.
 */
export async function sendAuthorized(
  path: string,
  init: { method?: string; body?: Blob; headers?: Record<string, string> } = {},
): Promise<Response> {
  const send = async (token: string | null) => {
    const headers: Record<string, string> = { ...init.headers };
    if (token !== null) {
      headers.Authorization = `Bearer ${token}`;
    }
    try {
      return await fetch(path, {
        method: init.method ?? 'GET',
        headers,
        body: init.body ?? null,
        credentials: 'same-origin',
      });
    } catch {
      throw ApiError.network();
    }
  };
  const tokenUsed = session.getAccessToken();
  let response = await send(tokenUsed);
  if (response.status === 401) {
    const current = session.getAccessToken();
    const refreshed =
      current !== null && current !== tokenUsed ? true : await session.refresh().catch(() => false);
    if (!refreshed) {
      session.end('expired');
      throw await ApiError.fromResponse(response);
    }
    response = await send(session.getAccessToken());
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response;
}
