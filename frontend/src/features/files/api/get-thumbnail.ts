import { useQuery } from '@tanstack/react-query';
import { segment } from './node';
import { fetchAuthorized } from './transport';

/** The types the server makes thumbnails of (what the JDK decodes). */
const THUMBNAIL_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/bmp']);

export function hasThumbnail(node: {
  type: string;
  mimeType: string | null;
  size: number;
}): boolean {
  return node.type === 'file' && node.size > 0 && THUMBNAIL_TYPES.has(node.mimeType ?? '');
}

/**
 * GET /api/files/{id}/thumbnail: a PNG of at most 64×64 pixels. The file's ETag rides along as `v`,
 * so the browser may keep the answer for a week and a changed file gets a new address.
 */
export async function getThumbnail(id: string, etag: string, signal?: AbortSignal): Promise<Blob> {
  const query = new URLSearchParams({ size: '64', v: etag });
  const response = await fetchAuthorized(`/api/files/${segment(id)}/thumbnail?${query}`, {
    signal,
  });
  return response.blob();
}

/** The thumbnail's bytes, once per file content; nothing is fetched until {@code enabled}. */
export function useThumbnail(id: string, etag: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['files', 'thumbnail', id, etag] as const,
    queryFn: ({ signal }) => getThumbnail(id, etag ?? '', signal),
    enabled: enabled && etag !== null,
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
  });
}
