import { DetailedError, Upload, type HttpRequest, type HttpResponse } from 'tus-js-client';
import { ApiError } from '@/lib/api-error';
import { currentToken } from './transport';
import { getNode } from './get-node';
import type { FileNode } from './node';
import type { UploadFileInput } from './upload-file';

/** Files from this size on travel as resumable tus uploads; smaller ones in one PUT. */
export const RESUMABLE_THRESHOLD = 16 * 1024 * 1024;

const ENDPOINT = '/api/files/uploads';
/** Each PATCH carries at most this much; every chunk is durable on the server before the next. */
const CHUNK_SIZE = 64 * 1024 * 1024;
/** Waits before the next attempt after a network failure or a 5xx (then the upload fails). */
const RETRY_DELAYS = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000];
const OFFSET_MISMATCH_TYPE = 'upload-offset-mismatch';

function abortError(): DOMException {
  return new DOMException('The upload was cancelled.', 'AbortError');
}

/** The user the access token is for: part of the fingerprint, so one user never resumes another's upload. */
function tokenSubject(token: string): string {
  try {
    const payload = token.split('.')[1] ?? '';
    const json: unknown = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/')));
    return typeof json === 'object' && json !== null && 'sub' in json ? String(json.sub) : '';
  } catch {
    return '';
  }
}

/**
 * The key an unfinished upload is remembered by (localStorage): the same file, by the same user,
 * into the same folder under the same name, resumes where it stopped — after a dropped network
 * or a reload of the page.
 */
export function uploadFingerprint(user: string, input: UploadFileInput): string {
  const file = input.file;
  const lastModified = file instanceof File ? file.lastModified : 0;
  return [
    'cw-tus',
    user,
    input.folderId,
    input.name,
    file.size,
    lastModified,
    input.onConflict,
  ].join(':');
}

/** The problem the server answered, as the same ApiError the other file calls throw. */
async function toApiError(error: Error): Promise<ApiError> {
  if (!(error instanceof DetailedError)) {
    return ApiError.network();
  }
  const response = error.originalResponse;
  if (response === null) {
    return ApiError.network();
  }
  const contentType = response.getHeader('Content-Type');
  return ApiError.fromResponse(
    new Response(response.getBody() === '' ? null : response.getBody(), {
      status: response.getStatus(),
      headers: contentType === undefined ? {} : { 'Content-Type': contentType },
    }),
  );
}

/**
 * Whether tus-js-client should try again: after network failures and 5xx (except 507, the quota
 * is full), when another request
 * still holds the upload (423), and when the offsets disagree (409 of the tus protocol, not a
 * name conflict) — it then asks the server for the offset and goes on from there.
 */
export function shouldRetry(status: number | null, problemType: string | null): boolean {
  if (status === null || (status >= 500 && status !== 507) || status === 423) {
    return true;
  }
  return status === 409 && problemType !== null && problemType.endsWith(OFFSET_MISMATCH_TYPE);
}

function problemTypeOf(response: HttpResponse): string | null {
  try {
    const json: unknown = JSON.parse(response.getBody());
    return typeof json === 'object' && json !== null && 'type' in json ? String(json.type) : null;
  } catch {
    return null;
  }
}

/**
 * Uploads a file with the tus protocol (POST /api/files/uploads, then PATCHes): progress as with
 * a PUT, resumable after a dropped connection or a reload, and cancelled (DELETE) on abort.
 * Resolves with the stored file.
 */
export async function uploadResumable(input: UploadFileInput): Promise<FileNode> {
  const user = tokenSubject(await currentToken(60));
  return new Promise<FileNode>((resolve, reject) => {
    if (input.signal?.aborted === true) {
      reject(abortError());
      return;
    }
    const metadata: Record<string, string> = {
      filename: input.name,
      folderId: input.folderId,
      filetype: input.file.type === '' ? 'application/octet-stream' : input.file.type,
      onConflict: input.onConflict,
    };
    if (input.ifMatch !== undefined) {
      metadata.ifMatch = input.ifMatch;
    }
    let settled = false;
    const fail = (error: unknown) => {
      if (!settled) {
        settled = true;
        reject(error instanceof Error ? error : ApiError.network());
      }
    };
    const upload = new Upload(input.file, {
      endpoint: ENDPOINT,
      chunkSize: CHUNK_SIZE,
      retryDelays: RETRY_DELAYS,
      metadata,
      removeFingerprintOnSuccess: true,
      fingerprint: () => Promise.resolve(uploadFingerprint(user, input)),
      onBeforeRequest: async (request: HttpRequest) => {
        request.setHeader('Authorization', `Bearer ${await currentToken(60)}`);
        request.setHeader('Accept', 'application/json, application/problem+json');
      },
      onShouldRetry: (error) => {
        const response = error.originalResponse;
        return shouldRetry(
          response === null ? null : response.getStatus(),
          response === null ? null : problemTypeOf(response),
        );
      },
      onProgress: (sent, total) => {
        input.onProgress?.(sent, total);
      },
      onSuccess: ({ lastResponse }) => {
        const fileId = lastResponse.getHeader('Upload-File-Id');
        if (fileId === undefined || fileId === '') {
          fail(ApiError.unexpectedResponse(lastResponse.getStatus()));
          return;
        }
        getNode(fileId).then((node) => {
          settled = true;
          resolve(node);
        }, fail);
      },
      onError: (error) => {
        void toApiError(error).then(fail, fail);
      },
    });
    input.signal?.addEventListener(
      'abort',
      () => {
        fail(abortError());
        upload.abort(true).catch(() => undefined);
      },
      { once: true },
    );
    upload.findPreviousUploads().then(
      (previous) => {
        const match = previous[0];
        if (match !== undefined) {
          upload.resumeFromPreviousUpload(match);
        }
        upload.start();
      },
      () => {
        upload.start();
      },
    );
  });
}

/** PUT for ordinary files, tus for large ones. */
export function uploadAny(
  input: UploadFileInput,
  put: (input: UploadFileInput) => Promise<FileNode>,
): Promise<FileNode> {
  return input.file.size >= RESUMABLE_THRESHOLD ? uploadResumable(input) : put(input);
}
