import { ApiError } from '@/lib/api-error';
import { nodeSchema, segment, type FileNode } from './node';
import { xhrRequest } from './transport';

export type ConflictPolicy = 'replace' | 'rename' | 'fail';

export interface UploadFileInput {
  folderId: string;
  name: string;
  file: Blob;
  onConflict: ConflictPolicy;
  /** Only replace the file if it is still this version (412 otherwise). */
  ifMatch?: string | undefined;
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * PUT /api/files/folders/{folderId}/files/{name}: the raw bytes, with progress. 201 (new) or 200
 * (replaced, the old content kept as a version) with the NodeView; 409, 412, 507 (over quota).
 */
export async function uploadFile(input: UploadFileInput): Promise<FileNode> {
  const headers: Record<string, string> = {
    'Content-Type': input.file.type === '' ? 'application/octet-stream' : input.file.type,
  };
  if (input.ifMatch !== undefined) {
    headers['If-Match'] = input.ifMatch;
  }
  const query = new URLSearchParams({ onConflict: input.onConflict });
  const response = await xhrRequest({
    method: 'PUT',
    url: `/api/files/folders/${segment(input.folderId)}/files/${segment(input.name)}?${query}`,
    body: input.file,
    headers,
    onProgress: input.onProgress,
    signal: input.signal,
  });
  let json: unknown;
  try {
    json = JSON.parse(response.body);
  } catch {
    json = undefined;
  }
  const parsed = nodeSchema.safeParse(json);
  if (!parsed.success) {
    throw ApiError.unexpectedResponse(response.status);
  }
  return parsed.data;
}
