import { z } from 'zod';
import { api } from '@/lib/api-client';
import { ApiError } from '@/lib/api-error';
import {
  listingSchema,
  publicInfoSchema,
  segment,
  type PublicInfo,
  type SharedListing,
} from './schemas';

/**
 * The public link API, used without signing in: no Bearer token, and a 401 means "this link
 * needs its password", never "sign in again". The session of an unlocked link is an HttpOnly
 * cookie limited to the link's API path, so the browser sends it with every request below.
 */
export const publicBase = (token: string) => `/api/public/shares/${segment(token)}`;

const anonymous = { authenticated: false, notifyOnError: false } as const;

export function getPublicInfo(token: string, signal?: AbortSignal): Promise<PublicInfo> {
  return api.get(publicBase(token), publicInfoSchema, { ...anonymous, signal });
}

export function unlockLink(token: string, password: string): Promise<unknown> {
  return api.post(
    `${publicBase(token)}/unlock`,
    { password },
    {
      ...anonymous,
      schema: z.object({ sessionToken: z.string(), expiresIn: z.number() }),
    },
  );
}

export function getPublicChildren(
  token: string,
  folderId: string,
  signal?: AbortSignal,
): Promise<SharedListing> {
  return api.get(`${publicBase(token)}/folders/${segment(folderId)}/children`, listingSchema, {
    ...anonymous,
    signal,
  });
}

/** Where a file of the link is downloaded ('root' for a link to a single file). */
export function publicContentUrl(token: string, fileId: string, inline = false): string {
  const path =
    fileId === 'root'
      ? `${publicBase(token)}/content`
      : `${publicBase(token)}/files/${segment(fileId)}/content`;
  return inline ? `${path}?disposition=inline` : path;
}

export function publicZipUrl(token: string, folderId: string): string {
  return `${publicBase(token)}/folders/${segment(folderId)}/zip`;
}

/** Reads a file of the link (previews); throws an ApiError on failure. */
export async function fetchPublic(url: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', signal: signal ?? null });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw ApiError.network();
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return response;
}

/**
 * Drops one file into an upload-only link with progress (XMLHttpRequest, so the browser streams
 * the file). Resolves with the name it was stored under.
 */
export function dropFile(
  token: string,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): { done: Promise<string>; cancel: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<string>((resolve, reject) => {
    xhr.open('PUT', `${publicBase(token)}/files/${segment(file.name)}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    };
    xhr.onload = () => {
      if (xhr.status === 201) {
        const parsed = z.object({ name: z.string() }).safeParse(JSON.parse(xhr.responseText));
        resolve(parsed.success ? parsed.data.name : file.name);
      } else {
        void ApiError.fromResponse(
          new Response(xhr.responseText, {
            status: xhr.status,
            headers: { 'Retry-After': xhr.getResponseHeader('Retry-After') ?? '' },
          }),
        ).then(reject);
      }
    };
    xhr.onerror = () => {
      reject(ApiError.network());
    };
    xhr.onabort = () => {
      reject(new DOMException('The upload was cancelled', 'AbortError'));
    };
    xhr.send(file);
  });
  return {
    done,
    cancel: () => {
      xhr.abort();
    },
  };
}
