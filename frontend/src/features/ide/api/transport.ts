import { ApiError } from '@/lib/api-error';
import { session } from '@/lib/auth/session';

/**
 * Raw requests the JSON api client cannot make (file bytes with ETags): the session's Bearer
 * token, one refresh and retry on 401, problem details turned into ApiError.
 */
export async function sendAuthorized(
  path: string,
  init: { method: 'GET' | 'PUT'; headers?: Record<string, string>; body?: Blob | string },
): Promise<Response> {
  const send = async () => {
    const token = session.getAccessToken();
    try {
      return await fetch(path, {
        method: init.method,
        headers: {
          ...init.headers,
          ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
        },
        body: init.body ?? null,
        credentials: 'same-origin',
      });
    } catch {
      throw ApiError.network();
    }
  };
  await session.ensureFresh(10).catch(() => false);
  let response = await send();
  if (response.status === 401) {
    const refreshed = await session.refresh().catch(() => false);
    if (!refreshed) {
      session.end('expired');
      throw await ApiError.fromResponse(response);
    }
    response = await send();
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response;
}
