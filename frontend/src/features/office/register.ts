import { notify } from '@/lib/notifications';
import {
  registerCreateFileAction,
  registerFileOpener,
  type FileOpenContext,
} from '@/lib/file-openers';
import { createDocument, type DocumentKind } from './api/create-document';
import {
  documentEditorPath,
  isOfficeFile,
  isTextFile,
  opensInDocumentEditorByDefault,
  textEditorPath,
} from './formats';

const officeOpener = {
  label: 'Open in document editor',
  canOpen: (file: { name: string }) => isOfficeFile(file.name),
  primary: (file: { name: string }) => opensInDocumentEditorByDefault(file.name),
  open: (file: { id: string }, context: FileOpenContext) => {
    // A full page load: the editor page's CSP admits the Document Server's script and frame.
    window.location.assign(documentEditorPath(file.id, context.share));
  },
};

const textOpener = {
  label: 'Edit',
  canOpen: (file: { name: string }) => isTextFile(file.name),
  primary: () => false,
  open: (file: { id: string }, context: FileOpenContext) => {
    context.navigate(textEditorPath(file.id, context.share));
  },
};

function createAction(label: string, kind: DocumentKind, name: string) {
  return {
    label,
    create: (folderId: string) => {
      createDocument({ folderId, name, kind })
        .then((created) => {
          window.location.assign(documentEditorPath(created.id));
        })
        .catch((error: unknown) => {
          notify(
            'error',
            `The new ${kind} was not created`,
            error instanceof Error ? error.message : undefined,
          );
        });
    },
  };
}

const actions = [
  createAction('New document', 'document', 'New document'),
  createAction('New spreadsheet', 'spreadsheet', 'New spreadsheet'),
  createAction('New presentation', 'presentation', 'New presentation'),
];

/** Offers the document editor, the built-in text editor and new blank documents to the file manager. */
export function registerOfficeIntegration(): void {
  registerFileOpener(officeOpener);
  registerFileOpener(textOpener);
  for (const action of actions) {
    registerCreateFileAction(action);
  }
}
