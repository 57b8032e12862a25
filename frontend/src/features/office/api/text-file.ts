import { z } from 'zod';
import { ApiError } from '@/lib/api-error';
import { session } from '@/lib/auth/session';
import { segment } from './keys';

/** The largest file the built-in editor opens; bigger files are downloaded instead. */
export const MAX_TEXT_EDIT_BYTES = 5 * 1024 * 1024;

const nodeSchema = z.object({
  id: z.string(),
  name: z.string(),
  parentId: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  size: z.number(),
  etag: z.string(),
  mimeType: z
    .string()
    .nullish()
    .transform((v) => v ?? null),
  modifiedAt: z.string(),
});

export type TextFileNode = z.infer<typeof nodeSchema>;

/** A text file as the editor loaded it: its details, its text and the entity tag of that text. */
export interface TextFile {
  node: TextFileNode;
  text: string;
  etag: string;
}

async function token(): Promise<string> {
  const fresh = await session.ensureFresh(30).catch(() => false);
  const current = session.getAccessToken();
  if (!fresh || current === null) {
    session.end('expired');
    throw new ApiError({ status: 401, title: 'Your session has ended' });
  }
  return current;
}

async function send(path: string, init: RequestInit): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Authorization', `Bearer ${await token()}`);
  headers.set('Accept', 'application/json, application/problem+json, */*');
  try {
    return await fetch(path, { ...init, headers, credentials: 'same-origin' });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') {
      throw error;
    }
    throw ApiError.network();
  }
}

/** Where a file's details and content are: the user's own files, or a share with the user. */
function fileBase(shareId: string | null): string {
  return shareId === null ? '/api/files' : `/api/shares/incoming/${segment(shareId)}`;
}

/**
 * GET /api/files/{id} and its content (or the same through a share with the user: …/nodes/{id}
 * and …/files/{id}/content): the text and the ETag it has.
 */
export async function loadTextFile(
  fileId: string,
  shareId: string | null,
  signal?: AbortSignal,
): Promise<TextFile> {
  const nodePath =
    shareId === null
      ? `/api/files/${segment(fileId)}`
      : `${fileBase(shareId)}/nodes/${segment(fileId)}`;
  const details = await send(nodePath, { signal: signal ?? null });
  if (!details.ok) {
    throw await ApiError.fromResponse(details);
  }
  const node = nodeSchema.parse(await details.json());
  if (node.size > MAX_TEXT_EDIT_BYTES) {
    throw new ApiError({
      status: 413,
      title: 'Too large to edit here',
      detail: `“${node.name}” is larger than 5 MiB. Download it to edit it.`,
    });
  }
  const contentPath =
    shareId === null
      ? `/api/files/${segment(fileId)}/content`
      : `${fileBase(shareId)}/files/${segment(fileId)}/content`;
  const content = await send(contentPath, {
    signal: signal ?? null,
  });
  if (!content.ok) {
    throw await ApiError.fromResponse(content);
  }
  const text = await content.text();
  return { node, text, etag: content.headers.get('ETag') ?? node.etag };
}

/** Thrown when the file changed since it was loaded (HTTP 412). */
export class ConflictError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = 'ConflictError';
  }
}

/**
 * Saves text over the file: PUT with If-Match, so a change made elsewhere meanwhile is a
 * ConflictError instead of being overwritten. `overwrite` saves without If-Match (the other
 * change stays as a version). Answers the new entity tag. Through a share (read-write only) it is
 * PUT /api/shares/incoming/{shareId}/files/{id}/content.
 */
export async function saveTextFile(
  node: TextFileNode,
  text: string,
  etag: string,
  overwrite = false,
  shareId: string | null = null,
): Promise<TextFileNode> {
  const headers: Record<string, string> = {
    'Content-Type': node.mimeType ?? 'text/plain; charset=utf-8',
  };
  if (!overwrite) {
    headers['If-Match'] = etag;
  }
  const folder = node.parentId ?? 'root';
  const target =
    shareId === null
      ? `/api/files/folders/${segment(folder)}/files/${segment(node.name)}?onConflict=replace`
      : `${fileBase(shareId)}/files/${segment(node.id)}/content`;
  const response = await send(target, {
    method: 'PUT',
    headers,
    body: new Blob([text], { type: 'text/plain' }),
  });
  if (response.status === 412) {
    const problem = await ApiError.fromResponse(response);
    throw new ConflictError(problem.detail ?? 'The file changed since you opened it.');
  }
  if (!response.ok) {
    throw await ApiError.fromResponse(response);
  }
  return nodeSchema.parse(await response.json());
}
