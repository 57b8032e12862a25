import { onTestFinished, vi } from 'vitest';
import { json } from '@/testing/mock-api';

/** A NodeView as the server sends it. */
export interface NodeJson {
  id: string;
  name: string;
  type: 'file' | 'folder';
  parentId: string | null;
  size: number;
  mimeType: string | null;
  createdAt: string;
  modifiedAt: string;
  etag: string;
  favorite: boolean;
  path?: string;
}

export const rootNode: NodeJson = {
  id: 'root-id',
  name: '',
  type: 'folder',
  parentId: null,
  size: 0,
  mimeType: null,
  createdAt: '2025-01-01T00:00:00Z',
  modifiedAt: '2025-11-01T00:00:00Z',
  etag: 'e-root',
  favorite: false,
};

export function fileNode(id: string, name: string, extra: Partial<NodeJson> = {}): NodeJson {
  return {
    id,
    name,
    type: 'file',
    parentId: rootNode.id,
    size: 1024,
    mimeType: 'text/plain',
    createdAt: '2025-10-01T10:00:00Z',
    modifiedAt: '2025-10-02T10:00:00Z',
    etag: `e-${id}`,
    favorite: false,
    ...extra,
  };
}

export function folderNode(id: string, name: string, extra: Partial<NodeJson> = {}): NodeJson {
  return fileNode(id, name, { type: 'folder', size: 0, mimeType: null, ...extra });
}

/** The answer of GET /api/files/folders/{id}/children. */
export function folderPage(
  folder: NodeJson,
  items: NodeJson[],
  breadcrumbs: NodeJson[] = folder.id === rootNode.id ? [rootNode] : [rootNode, folder],
): Response {
  return json({ folder, breadcrumbs, items, total: items.length });
}

/** Full URLs (with query) that went through the mocked fetch, for one method and path. */
export function fetchedUrls(method: string, pathname: string): URL[] {
  const fetchMock = vi.mocked(fetch);
  return fetchMock.mock.calls
    .map(([input, init]) => ({
      url: new URL(input instanceof Request ? input.url : String(input), 'http://localhost'),
      method: (init?.method ?? 'GET').toUpperCase(),
    }))
    .filter((call) => call.method === method && call.url.pathname === pathname)
    .map((call) => call.url);
}

export const noContent = () => new Response(null, { status: 204 });

/** jsdom has no blob: URLs; this gives them for one test and takes them away after it. */
export function stubObjectUrls(url = 'blob:test') {
  const createObjectURL = vi.fn<(blob: Blob) => string>(() => url);
  const revokeObjectURL = vi.fn();
  Object.assign(URL, { createObjectURL, revokeObjectURL });
  onTestFinished(() => {
    Reflect.deleteProperty(URL, 'createObjectURL');
    Reflect.deleteProperty(URL, 'revokeObjectURL');
  });
  return { createObjectURL, revokeObjectURL };
}
