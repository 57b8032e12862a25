import { pathQuery, workspacePath } from './workspace';
import { sendAuthorized } from './transport';

export interface WriteFileInput {
  workspaceId: string;
  path: string;
  content: Blob | string;
  /** The version the change is based on; the server answers 412 when the file changed since. */
  etag?: string | undefined;
  /** Only create: 412 when the file exists. */
  createOnly?: boolean;
}

/** PUT /api/ide/workspaces/{id}/files/content?path=; answers the new version's ETag. */
export async function writeFile(input: WriteFileInput): Promise<string> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream' };
  if (input.createOnly === true) {
    headers['If-None-Match'] = '*';
  } else if (input.etag !== undefined && input.etag !== '') {
    headers['If-Match'] = input.etag;
  }
  const response = await sendAuthorized(
    `${workspacePath(input.workspaceId)}/files/content?${pathQuery(input.path)}`,
    { method: 'PUT', headers, body: input.content },
  );
  return response.headers.get('ETag') ?? '';
}
