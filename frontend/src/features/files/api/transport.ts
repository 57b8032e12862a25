import { ApiError } from '@/lib/api-error';
import { session } from '@/lib/auth/session';

/**
 * The two requests the fetch-and-JSON api client cannot make: binary downloads (blob or text)
 * and uploads with progress (XMLHttpRequest). Both carry the session's Bearer token, refresh it
 * once on 401 like the api client does, and turn problem details into the same ApiError.
 */

/** Refresh up front when the token is about to expire, so a long upload does not start with one that will not last. */
export async function currentToken(minimumValiditySeconds: number): Promise<string> {
  let fresh: boolean;
  try {
    fresh = await session.ensureFresh(minimumValiditySeconds);
  } catch {
    throw ApiError.network();
  }
  const token = session.getAccessToken();
  if (!fresh || token === null) {
    session.end('expired');
    throw new ApiError({ status: 401, title: 'Your session has ended' });
  }
  return token;
}

/** After a 401: a new token (refreshed or already replaced by another request), or the end of the session. */
async function tokenAfterUnauthorized(tokenUsed: string): Promise<string> {
  const current = session.getAccessToken();
  if (current !== null && current !== tokenUsed) {
    return current;
  }
  const refreshed = await session.refresh().catch(() => false);
  const token = session.getAccessToken();
  if (!refreshed || token === null) {
    session.end('expired');
    throw new ApiError({ status: 401, title: 'Your session has ended' });
  }
  return token;
}

/** GET with the session's token; answers the successful response, or throws an ApiError. */
export async function fetchAuthorized(
  path: string,
  options: { signal?: AbortSignal | undefined; headers?: Record<string, string> } = {},
): Promise<Response> {
  const send = async (token: string) => {
    try {
      return await fetch(path, {
        method: 'GET',
        headers: { ...options.headers, Authorization: `Bearer ${token}` },
        credentials: 'same-origin',
        signal: options.signal ?? null,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') {
        throw error;
      }
      throw ApiError.network();
    }
  };
  const token = await currentToken(10);
  let response = await send(token);
  if (response.status === 401) {
    response = await send(await tokenAfterUnauthorized(token));
    if (response.status === 401) {
      session.end('expired');
    }
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response;
}

export interface XhrResponse {
  status: number;
  body: string;
}

export interface XhrRequest {
  method: 'PUT' | 'POST';
  url: string;
  body: Blob;
  headers: Record<string, string>;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal | undefined;
}

function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

function sendXhr(request: XhrRequest, token: string): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    if (request.signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const xhr = new XMLHttpRequest();
    const onAbortSignal = () => {
      xhr.abort();
    };
    const cleanUp = () => {
      request.signal?.removeEventListener('abort', onAbortSignal);
    };
    xhr.open(request.method, request.url);
    xhr.withCredentials = false;
    xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    for (const [name, value] of Object.entries(request.headers)) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      request.onProgress?.(event.loaded, event.lengthComputable ? event.total : request.body.size);
    });
    xhr.addEventListener('load', () => {
      cleanUp();
      resolve(xhr);
    });
    xhr.addEventListener('error', () => {
      cleanUp();
      reject(ApiError.network());
    });
    xhr.addEventListener('timeout', () => {
      cleanUp();
      reject(ApiError.network());
    });
    xhr.addEventListener('abort', () => {
      cleanUp();
      reject(abortError());
    });
    request.signal?.addEventListener('abort', onAbortSignal);
    xhr.send(request.body);
  });
}

/** Reads a failed XHR the way the api client reads a failed fetch. */
export function apiErrorFromXhr(xhr: XMLHttpRequest): Promise<ApiError> {
  const headers = new Headers();
  for (const line of xhr
    .getAllResponseHeaders()
    .trim()
    .split(/[\r\n]+/)) {
    const separator = line.indexOf(':');
    if (separator > 0) {
      headers.append(line.slice(0, separator).trim(), line.slice(separator + 1).trim());
    }
  }
  return ApiError.fromResponse(
    new Response(xhr.responseText === '' ? null : xhr.responseText, {
      status: xhr.status,
      statusText: xhr.statusText,
      headers,
    }),
  );
}

/**
 * Sends a body with XMLHttpRequest, reporting upload progress. Resolves with the successful
 * response; rejects with an ApiError, or an AbortError when the signal fires.
 */
export async function xhrRequest(request: XhrRequest): Promise<XhrResponse> {
  const token = await currentToken(60);
  let xhr = await sendXhr(request, token);
  if (xhr.status === 401) {
    xhr = await sendXhr(request, await tokenAfterUnauthorized(token));
    if (xhr.status === 401) {
      session.end('expired');
    }
  }
  if (xhr.status < 200 || xhr.status >= 300) {
    throw await apiErrorFromXhr(xhr);
  }
  return { status: xhr.status, body: xhr.responseText };
}
