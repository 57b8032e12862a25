import { pathQuery, workspacePath } from './workspace';
import { sendAuthorized } from './transport';

export interface FileText {
  text: string;
  /** Identifies the version read; sent back as If-Match when saving. */
  etag: string;
  /** The content is not UTF-8 text (shown read-only). */
  binary: boolean;
}

/** GET /api/ide/workspaces/{id}/files/content?path=: a file's content and version. */
export async function readFile(id: string, path: string): Promise<FileText> {
  const response = await sendAuthorized(`${workspacePath(id)}/files/content?${pathQuery(path)}`, {
    method: 'GET',
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const etag = response.headers.get('ETag') ?? '';
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), etag, binary: false };
  } catch {
    return { text: '', etag, binary: true };
  }
}
