import { fetchAuthorized } from './transport';
import { segment } from './node';

/**
 * GET /api/files/{id}/content. The Bearer token cannot ride on a plain link, so the bytes are
 * fetched here and handed to the browser as a blob: URL (downloads and previews alike).
 */
export async function getContentBlob(
  id: string,
  options: { inline?: boolean; signal?: AbortSignal } = {},
): Promise<Blob> {
  const query = options.inline === true ? '?disposition=inline' : '';
  const response = await fetchAuthorized(`/api/files/${segment(id)}/content${query}`, {
    signal: options.signal,
  });
  return response.blob();
}

/** The start of a text file for the preview: at most maxBytes, asked for with a Range request. */
export async function getContentText(
  id: string,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<{ text: string; truncated: boolean }> {
  const response = await fetchAuthorized(`/api/files/${segment(id)}/content?disposition=inline`, {
    signal,
    headers: { Range: `bytes=0-${maxBytes - 1}` },
  });
  // A server that ignores Range sends everything: stop reading once there is enough.
  const { bytes, more } = await readAtMost(response, maxBytes);
  const total = totalFromContentRange(response.headers.get('Content-Range'));
  const truncated = more || (total !== null && total > bytes.length);
  // A cut may split a multi-byte character; the decoder shows it as one replacement character.
  return { text: new TextDecoder('utf-8').decode(bytes), truncated };
}

async function readAtMost(
  response: Response,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; more: boolean }> {
  if (response.body === null) {
    const all = new Uint8Array(await response.arrayBuffer());
    return { bytes: all.subarray(0, maxBytes), more: all.length > maxBytes };
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  let more = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    chunks.push(value);
    length += value.length;
    if (length > maxBytes) {
      more = true;
      await reader.cancel();
      break;
    }
  }
  const bytes = new Uint8Array(Math.min(length, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, more };
}

function totalFromContentRange(header: string | null): number | null {
  const match = header === null ? null : /\/(\d+)$/.exec(header);
  return match?.[1] === undefined ? null : Number(match[1]);
}
