import { ApiError } from '@/lib/api-error';

export type FileOperation =
  | 'create-folder'
  | 'upload'
  | 'rename'
  | 'move'
  | 'copy'
  | 'delete'
  | 'restore'
  | 'download'
  | 'preview'
  | 'favorite'
  | 'version-restore'
  | 'version-delete'
  | 'delete-forever'
  | 'empty-trash'
  | 'load';

interface ErrorContext {
  /** The name of the file or folder concerned. */
  name?: string | undefined;
  /** The folder it was going into (move, copy, upload). */
  destination?: string | undefined;
}

const verbs: Record<FileOperation, string> = {
  'create-folder': 'create the folder',
  upload: 'upload',
  rename: 'rename',
  move: 'move',
  copy: 'copy',
  delete: 'delete',
  restore: 'restore',
  download: 'download',
  preview: 'preview',
  favorite: 'change the favourite of',
  'version-restore': 'restore this version of',
  'version-delete': 'delete this version of',
  'delete-forever': 'delete',
  'empty-trash': 'empty the trash',
  load: 'load',
};

function quoted(name: string | undefined): string {
  return name === undefined ? 'this item' : `“${name}”`;
}

/**
 * The sentence to show when a file operation failed: specific for what a person can cause
 * (name taken, out of space, changed meanwhile, bad name, gone), the server's words otherwise.
 */
export function describeError(
  error: unknown,
  operation: FileOperation,
  context: ErrorContext = {},
): string {
  if (!(error instanceof ApiError)) {
    return `Could not ${verbs[operation]} ${quoted(context.name)}. Try again.`;
  }
  const where = context.destination === undefined ? 'here' : `in “${context.destination}”`;
  switch (error.status) {
    case 0:
      return error.userMessage;
    case 400:
      return error.detail ?? `The server refused the name ${quoted(context.name)}.`;
    case 403:
      return error.detail ?? `You are not allowed to ${verbs[operation]} ${quoted(context.name)}.`;
    case 404:
      return operation === 'restore'
        ? `The folder ${quoted(context.name)} was in no longer exists. Choose another folder to restore it to.`
        : `${capitalize(quoted(context.name))} no longer exists. It may have been moved or deleted meanwhile.`;
    case 409:
      if (operation === 'restore') {
        return (
          error.detail ??
          `${capitalize(quoted(context.name))} cannot go back to its original folder. Choose another folder.`
        );
      }
      if (
        operation === 'move' &&
        error.detail !== undefined &&
        /into itself|inside itself|descendant/i.test(error.detail)
      ) {
        return error.detail;
      }
      return `A file or folder named ${quoted(context.name)} already exists ${where}.`;
    case 412:
      return `${capitalize(quoted(context.name))} was changed by someone else in the meantime. Reload the folder and try again.`;
    case 413:
      return `${capitalize(quoted(context.name))} is larger than the server accepts.`;
    case 423:
      return `${capitalize(quoted(context.name))} is locked by another application. Try again later.`;
    case 507:
      return error.detail ?? 'There is not enough storage space left for this.';
    default:
      return error.userMessage;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** True when the failure was the person cancelling, which needs no message. */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
