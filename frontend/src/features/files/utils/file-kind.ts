import type { FileNode } from '../api/node';

export type PreviewKind = 'image' | 'pdf' | 'text' | 'audio' | 'video';

/** Blob previews load the whole file into memory; beyond this, download instead. */
export const MAX_BLOB_PREVIEW_BYTES = 200 * 1024 * 1024;
/** Text previews show the start of the file. */
export const MAX_TEXT_PREVIEW_BYTES = 512 * 1024;

const TEXT_TYPES = new Set([
  'application/json',
  'application/xml',
  'application/javascript',
  'application/x-sh',
  'application/x-yaml',
  'application/yaml',
  'application/toml',
  'application/sql',
]);

const TEXT_EXTENSIONS = new Set([
  'txt',
  'md',
  'markdown',
  'csv',
  'tsv',
  'log',
  'json',
  'xml',
  'yml',
  'yaml',
  'toml',
  'ini',
  'conf',
  'cfg',
  'properties',
  'java',
  'kt',
  'js',
  'mjs',
  'ts',
  'tsx',
  'jsx',
  'css',
  'py',
  'rb',
  'go',
  'rs',
  'c',
  'h',
  'cpp',
  'sh',
  'sql',
]);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * How a file can be previewed in the page, or null. Images except SVG (untrusted markup), PDF,
 * audio, video, and text — which is only ever shown as text in a <pre>, never rendered.
 */
export function previewKindOf(
  node: Pick<FileNode, 'type' | 'name' | 'mimeType'>,
): PreviewKind | null {
  if (node.type !== 'file') {
    return null;
  }
  const mime = (node.mimeType ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
  const extension = extensionOf(node.name);
  if (mime === 'image/svg+xml' || extension === 'svg') {
    return null;
  }
  if (mime.startsWith('image/')) {
    return 'image';
  }
  if (mime === 'application/pdf' || extension === 'pdf') {
    return 'pdf';
  }
  if (mime.startsWith('audio/')) {
    return 'audio';
  }
  if (mime.startsWith('video/')) {
    return 'video';
  }
  if (mime.startsWith('text/') || TEXT_TYPES.has(mime) || TEXT_EXTENSIONS.has(extension)) {
    return 'text';
  }
  return null;
}

/** Whether the preview can be shown, given its size. */
export function canPreview(node: Pick<FileNode, 'type' | 'name' | 'mimeType' | 'size'>): boolean {
  const kind = previewKindOf(node);
  return kind !== null && (kind === 'text' || node.size <= MAX_BLOB_PREVIEW_BYTES);
}

export type IconKind = 'folder' | 'image' | 'video' | 'audio' | 'archive' | 'document' | 'file';

/** Which icon a node gets in lists. */
export function iconKindOf(node: Pick<FileNode, 'type' | 'name' | 'mimeType'>): IconKind {
  if (node.type === 'folder') {
    return 'folder';
  }
  const mime = node.mimeType ?? '';
  const extension = extensionOf(node.name);
  if (mime.startsWith('image/')) {
    return 'image';
  }
  if (mime.startsWith('video/')) {
    return 'video';
  }
  if (mime.startsWith('audio/')) {
    return 'audio';
  }
  if (['zip', 'gz', 'tgz', 'tar', '7z', 'rar', 'xz', 'bz2'].includes(extension)) {
    return 'archive';
  }
  if (previewKindOf(node) === 'text' || ['doc', 'docx', 'odt', 'rtf', 'pdf'].includes(extension)) {
    return 'document';
  }
  return 'file';
}

/** The kind of a node in words, for the details panel. */
export function describeType(node: Pick<FileNode, 'type' | 'mimeType'>): string {
  if (node.type === 'folder') {
    return 'Folder';
  }
  return node.mimeType ?? 'File';
}
