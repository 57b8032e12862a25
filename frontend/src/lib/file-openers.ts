/**
 * A registry through which features offer ways to open and create files without importing each
 * other: the app registers them at start-up, the file manager asks which apply to a file or folder.
 */

/** What an opener needs to know about a file. */
export interface OpenableFile {
  id: string;
  name: string;
  parentId: string | null;
}

export interface FileOpenContext {
  /** Client-side navigation within the SPA. */
  navigate: (to: string) => void;
  /**
   * Set when the file is one of a share with the user ("Shared with me"): the share, and the
   * share's folder it is listed in (null for the share itself). Openers then work through the share.
   */
  share?: { shareId: string; folderId: string | null };
}

export interface FileOpener {
  /** The menu entry, e.g. "Edit" or "Open in document editor". */
  label: string;
  /** Whether this opener handles the file. */
  canOpen: (file: OpenableFile) => boolean;
  /** Whether opening the file (click, Enter) uses this opener instead of the preview. */
  primary: (file: OpenableFile) => boolean;
  open: (file: OpenableFile, context: FileOpenContext) => void;
}

export interface CreateFileAction {
  /** The menu entry, e.g. "New document". */
  label: string;
  create: (folderId: string, context: FileOpenContext) => void;
}

const openers: FileOpener[] = [];
const createActions: CreateFileAction[] = [];

export function registerFileOpener(opener: FileOpener): void {
  if (!openers.includes(opener)) {
    openers.push(opener);
  }
}

export function registerCreateFileAction(action: CreateFileAction): void {
  if (!createActions.includes(action)) {
    createActions.push(action);
  }
}

/** Every opener that handles the file, in registration order. */
export function fileOpenersFor(file: OpenableFile): FileOpener[] {
  return openers.filter((o) => o.canOpen(file));
}

/** The opener that opens the file on click, if any. */
export function primaryOpenerFor(file: OpenableFile): FileOpener | undefined {
  return openers.find((o) => o.canOpen(file) && o.primary(file));
}

export function createFileActions(): readonly CreateFileAction[] {
  return createActions;
}
