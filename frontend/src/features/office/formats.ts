/** Which files open where, by extension (the server's capabilities say whether a Document Server is there). */

/** What the Document Server edits or views. */
export const OFFICE_EXTENSIONS = new Set([
  'docx',
  'docm',
  'dotx',
  'odt',
  'ott',
  'rtf',
  'doc',
  'dot',
  'epub',
  'fb2',
  'mht',
  'docxf',
  'oform',
  'xlsx',
  'xlsm',
  'xltx',
  'ods',
  'ots',
  'xls',
  'xlt',
  'pptx',
  'pptm',
  'potx',
  'odp',
  'otp',
  'ppt',
  'pps',
  'ppsx',
  'pot',
  'pdf',
  'djvu',
  'xps',
  'oxps',
]);

/** Office files that open in the document editor on click (PDFs keep their preview). */
const PRIMARY_EXCLUDED = new Set(['pdf', 'djvu', 'xps', 'oxps', 'txt', 'csv']);

/** What the built-in editor edits: plain text, markdown, code, CSV. */
export const TEXT_EXTENSIONS = new Set([
  'txt',
  'text',
  'md',
  'markdown',
  'csv',
  'tsv',
  'log',
  'json',
  'xml',
  'yaml',
  'yml',
  'toml',
  'ini',
  'conf',
  'cfg',
  'properties',
  'env',
  'js',
  'mjs',
  'cjs',
  'jsx',
  'ts',
  'tsx',
  'css',
  'scss',
  'less',
  'html',
  'htm',
  'java',
  'kt',
  'kts',
  'scala',
  'groovy',
  'gradle',
  'py',
  'rb',
  'go',
  'rs',
  'c',
  'h',
  'cpp',
  'hpp',
  'cc',
  'cs',
  'php',
  'pl',
  'lua',
  'r',
  'sql',
  'sh',
  'bash',
  'zsh',
  'fish',
  'ps1',
  'bat',
  'cmd',
  'swift',
  'dart',
  'vue',
  'svelte',
  'tex',
  'rst',
  'adoc',
  'gitignore',
  'editorconfig',
]);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 || dot === name.length - 1 ? '' : name.slice(dot + 1).toLowerCase();
}

export function isOfficeFile(name: string): boolean {
  return OFFICE_EXTENSIONS.has(extensionOf(name));
}

export function opensInDocumentEditorByDefault(name: string): boolean {
  const extension = extensionOf(name);
  return OFFICE_EXTENSIONS.has(extension) && !PRIMARY_EXCLUDED.has(extension);
}

export function isTextFile(name: string): boolean {
  const lower = name.toLowerCase();
  return TEXT_EXTENSIONS.has(extensionOf(name)) || lower === 'dockerfile' || lower === 'makefile';
}

/** Where a file was opened from when it is in a share with the user. */
export interface ShareOrigin {
  shareId: string;
  /** The share's folder to go back to; null for the share itself. */
  folderId: string | null;
}

function shareQuery(origin: ShareOrigin | undefined, withFolder: boolean): string {
  if (origin === undefined) {
    return '';
  }
  const folder =
    withFolder && origin.folderId !== null ? `&folder=${encodeURIComponent(origin.folderId)}` : '';
  return `?share=${encodeURIComponent(origin.shareId)}${folder}`;
}

/** The SPA path of the document editor page (a full page load: it has its own CSP). */
export function documentEditorPath(fileId: string, origin?: ShareOrigin): string {
  return `/documents/edit/${encodeURIComponent(fileId)}${shareQuery(origin, false)}`;
}

export function textEditorPath(fileId: string, origin?: ShareOrigin): string {
  return `/documents/text/${encodeURIComponent(fileId)}${shareQuery(origin, true)}`;
}
