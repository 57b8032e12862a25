import { ROOT_FOLDER_ID } from '../api/node';

/** The SPA addresses of the file manager. */
export const filesPaths = {
  root: '/files',
  recent: '/files/recent',
  favorites: '/files/favorites',
  trash: '/files/trash',
  search: (query: string) => `/files/search?${new URLSearchParams({ q: query })}`,
  folder: (id: string | null) =>
    id === null || id === ROOT_FOLDER_ID ? '/files' : `/files/${encodeURIComponent(id)}`,
} as const;

/** A folder path for people: "/" → "All files", "/Projects/2025" → "All files / Projects / 2025". */
export function formatFolderPath(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return ['All files', ...parts].join(' / ');
}

/** The folder part of a node's path: "/Projects/2025/plan.md" → "/Projects/2025". */
export function parentPathOf(path: string | null, name: string): string | null {
  if (path === null) {
    return null;
  }
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed.endsWith(`/${name}`)) {
    const parent = trimmed.slice(0, -name.length - 1);
    return parent === '' ? '/' : parent;
  }
  return trimmed === '' ? '/' : trimmed;
}
