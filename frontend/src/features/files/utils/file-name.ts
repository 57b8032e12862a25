/** The longest name the server stores, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 255;

const encoder = new TextEncoder();

// C0 controls (NUL included), DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * Why a file or folder name would be refused, or null when it is fine. The same rules as the
 * server (which answers 400): no / or \, no control characters, not "." or "..", at most 255 bytes.
 */
export function nameProblem(name: string): string | null {
  if (name.trim() === '') {
    return 'Enter a name.';
  }
  if (name === '.' || name === '..') {
    return `“${name}” is reserved and cannot be used as a name.`;
  }
  if (name.includes('/') || name.includes('\\')) {
    return 'Names cannot contain / or \\.';
  }
  if (CONTROL_CHARACTERS.test(name)) {
    return 'Names cannot contain control characters such as line breaks or tabs.';
  }
  const bytes = encoder.encode(name).length;
  if (bytes > MAX_NAME_BYTES) {
    return `The name is too long: ${bytes} bytes, at most ${MAX_NAME_BYTES} are allowed (letters outside A–Z may take 2–4 bytes each).`;
  }
  return null;
}

/** Names are compared as the server stores them; surrounding spaces are almost always a slip. */
export function normalizeName(name: string): string {
  return name.trim();
}

/** "report.final.pdf" → ["report.final", ".pdf"]; dotfiles and folders have no extension. */
export function splitExtension(name: string, isFolder = false): [string, string] {
  const dot = name.lastIndexOf('.');
  if (isFolder || dot <= 0) {
    return [name, ''];
  }
  return [name.slice(0, dot), name.slice(dot)];
}

/** "report.pdf" → "report (copy).pdf", then "report (copy 2).pdf"… */
export function copyName(name: string, attempt: number, isFolder = false): string {
  const [base, extension] = splitExtension(name, isFolder);
  return `${base} (copy${attempt > 1 ? ` ${attempt}` : ''})${extension}`;
}
