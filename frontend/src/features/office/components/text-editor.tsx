import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { officeKeys } from '../api/keys';
import { useSharePermission } from '../api/share-permission';
import { ConflictError, loadTextFile, saveTextFile, type TextFile } from '../api/text-file';
import { extensionOf } from '../formats';
import { VersionHistory } from './version-history';
import './office.css';

const CodeEditor = lazy(() => import('./code-editor'));

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'conflict'; detail: string }
  | { kind: 'error'; message: string };

/**
 * The built-in editor for text, markdown, code and CSV: CodeMirror, Save (and Ctrl/Cmd-S), and
 * conflict detection — a save carries the ETag the text was loaded with, so a change made elsewhere
 * meanwhile is shown instead of being overwritten. Versions can be restored beside it. A file of a
 * share with the user (`shareId`) is saved through the share when it is read-write, and shown read
 * only otherwise; its versions stay with its owner.
 */
export function TextEditor({
  fileId,
  shareId = null,
  shareFolderId = null,
}: {
  fileId: string;
  shareId?: string | null;
  /** The folder of the share the file was opened from (null: the share itself). */
  shareFolderId?: string | null;
}) {
  const queryClient = useQueryClient();
  const permission = useSharePermission(shareId);
  const readOnly = shareId !== null && permission.data !== 'read-write';
  const file = useQuery({
    queryKey: officeKeys.textFile(fileId, shareId),
    queryFn: ({ signal }) => loadTextFile(fileId, shareId, signal),
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
  // What was saved since the file was loaded (the editor keeps its text; the ETag moves on).
  const [saved, setSaved] = useState<TextFile | null>(null);
  const loaded = saved ?? file.data ?? null;
  const text = useRef('');
  const [dirty, setDirty] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const [showHistory, setShowHistory] = useState(false);

  useEffect(() => {
    if (!dirty) {
      return;
    }
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [dirty]);

  const reload = useCallback(() => {
    setSave({ kind: 'idle' });
    setSaved(null);
    setDirty(false);
    void queryClient.invalidateQueries({ queryKey: officeKeys.textFile(fileId, shareId) });
  }, [queryClient, fileId, shareId]);

  const doSave = useCallback(
    (overwrite: boolean) => {
      if (loaded === null || save.kind === 'saving' || readOnly) {
        return;
      }
      const sent = text.current;
      setSave({ kind: 'saving' });
      saveTextFile(loaded.node, sent, loaded.etag, overwrite, shareId)
        .then((node) => {
          setSaved({ node, text: sent, etag: node.etag });
          setDirty(text.current !== sent);
          setSave({ kind: 'idle' });
          notify('success', `Saved “${node.name}”`);
          void queryClient.invalidateQueries({ queryKey: officeKeys.versions(fileId) });
        })
        .catch((error: unknown) => {
          if (error instanceof ConflictError) {
            setSave({ kind: 'conflict', detail: error.detail });
          } else {
            setSave({
              kind: 'error',
              message:
                error instanceof ApiError
                  ? (error.detail ?? error.title)
                  : 'The file could not be saved.',
            });
          }
        });
    },
    [loaded, save.kind, queryClient, fileId, shareId, readOnly],
  );

  if (file.isPending || (shareId !== null && permission.isPending)) {
    return <Spinner label="Opening the file…" />;
  }
  if (file.isError) {
    return (
      <Alert kind="error" title="This file cannot be edited here">
        {file.error instanceof ApiError
          ? (file.error.detail ?? file.error.title)
          : file.error.message}
      </Alert>
    );
  }
  if (loaded === null) {
    return <Spinner label="Opening the file…" />;
  }
  const original = file.data;
  const folder = loaded.node.parentId ?? 'root';
  // Back to the folder inside the share (the share itself when it is this file or its top folder).
  const back =
    shareId === null
      ? `/files/${encodeURIComponent(folder)}`
      : `/files/shared/${encodeURIComponent(shareId)}${
          shareFolderId === null ? '' : `/${encodeURIComponent(shareFolderId)}`
        }`;

  return (
    <div className="text-editor">
      <title>{`${loaded.node.name} · Cloud Workspace`}</title>
      <header className="text-editor__bar">
        <Link className="button button--secondary" to={back}>
          ← Back to folder
        </Link>
        <h1 className="text-editor__title">
          {loaded.node.name}
          {dirty && <span className="text-editor__dirty"> · unsaved changes</span>}
        </h1>
        {readOnly && <span className="office-editor__badge">View only</span>}
        {shareId === null && (
          <Button
            variant="secondary"
            onClick={() => {
              setShowHistory((v) => !v);
            }}
          >
            {showHistory ? 'Hide versions' : 'Versions'}
          </Button>
        )}
        {!readOnly && (
          <Button
            busy={save.kind === 'saving'}
            disabled={!dirty}
            onClick={() => {
              doSave(false);
            }}
          >
            Save
          </Button>
        )}
      </header>
      {save.kind === 'error' && (
        <Alert kind="error" title="Not saved">
          {save.message}
        </Alert>
      )}
      <div className="text-editor__body">
        <Suspense fallback={<Spinner label="Loading the editor…" />}>
          <CodeEditor
            key={file.dataUpdatedAt}
            initialText={original.text}
            extension={extensionOf(loaded.node.name)}
            label={`Contents of ${loaded.node.name}`}
            readOnly={readOnly}
            onChange={(value) => {
              text.current = value;
              setDirty(value !== loaded.text);
            }}
            onSave={() => {
              doSave(false);
            }}
          />
        </Suspense>
        {showHistory && shareId === null && (
          <aside className="text-editor__history">
            <VersionHistory
              fileId={fileId}
              disabledReason={dirty ? 'Save or discard your changes before restoring.' : undefined}
              onRestored={reload}
            />
          </aside>
        )}
      </div>
      {save.kind === 'conflict' && (
        <Dialog
          title="The file changed since you opened it"
          onClose={() => {
            setSave({ kind: 'idle' });
          }}
          footer={
            <>
              <Button
                variant="secondary"
                onClick={() => {
                  setSave({ kind: 'idle' });
                }}
              >
                Keep editing
              </Button>
              <Button variant="secondary" onClick={reload}>
                Discard mine and reload
              </Button>
              <Button
                onClick={() => {
                  doSave(true);
                }}
              >
                Save mine anyway
              </Button>
            </>
          }
        >
          <p>{save.detail}</p>
          <p>
            Saving yours anyway keeps the other change as an earlier version, so nothing is lost.
          </p>
        </Dialog>
      )}
    </div>
  );
}
