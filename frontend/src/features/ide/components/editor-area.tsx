import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type Ref,
} from 'react';
import { Alert } from '@/components/alert';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { CloseIcon } from '@/components/icons';
import { ApiError } from '@/lib/api-client';
import { notify } from '@/lib/notifications';
import { readFile } from '../api/read-file';
import { writeFile } from '../api/write-file';
import { baseName, languageOf } from '../lib/languages';
import { monaco } from '../lib/monaco';
import { ConflictDialog } from './conflict-dialog';

interface Tab {
  path: string;
  etag: string;
  binary: boolean;
  savedVersion: number;
}

/** What the file tree may ask of the editor. */
export interface EditorHandle {
  open: (path: string) => void;
  renamed: (from: string, to: string) => void;
  deleted: (path: string) => void;
}

/**
 * Monaco with one tab per open file (a model each, syntax highlighting by file type). Ctrl+S saves
 * with the version the file was read at; when the file changed underneath, the user chooses.
 */
export function EditorArea({
  workspaceId,
  handle,
}: {
  workspaceId: string;
  handle: Ref<EditorHandle>;
}) {
  const container = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const models = useRef(new Map<string, monaco.editor.ITextModel>());
  const [tabs, setTabs] = useState<Tab[]>([]);
  const [active, setActive] = useState<string | null>(null);
  const [dirty, setDirty] = useState<ReadonlySet<string>>(new Set());
  const [conflict, setConflict] = useState<string | null>(null);
  const [resolving, setResolving] = useState(false);
  const [closing, setClosing] = useState<string | null>(null);
  const tabsRef = useRef(tabs);
  const activeRef = useRef(active);
  useLayoutEffect(() => {
    tabsRef.current = tabs;
    activeRef.current = active;
  }, [tabs, active]);

  const markDirty = useCallback((path: string) => {
    const model = models.current.get(path);
    const tab = tabsRef.current.find((t) => t.path === path);
    const isDirty =
      model !== undefined &&
      tab !== undefined &&
      model.getAlternativeVersionId() !== tab.savedVersion;
    setDirty((current) => {
      if (current.has(path) === isDirty) {
        return current;
      }
      const next = new Set(current);
      if (isDirty) {
        next.add(path);
      } else {
        next.delete(path);
      }
      return next;
    });
  }, []);

  const updateTab = useCallback(
    (path: string, change: Partial<Tab>) => {
      // The ref is updated at once (not in a state updater, which runs later) so markDirty sees the new version.
      const next = tabsRef.current.map((t) => (t.path === path ? { ...t, ...change } : t));
      tabsRef.current = next;
      setTabs(next);
      markDirty(path);
    },
    [markDirty],
  );

  const save = useCallback(
    async (path: string, etag?: string) => {
      const model = models.current.get(path);
      const tab = tabsRef.current.find((t) => t.path === path);
      if (model === undefined || tab === undefined || tab.binary) {
        return;
      }
      const version = model.getAlternativeVersionId();
      try {
        const newEtag = await writeFile({
          workspaceId,
          path,
          content: model.getValue(),
          etag: etag ?? tab.etag,
        });
        updateTab(path, { etag: newEtag, savedVersion: version });
        notify('success', `Saved ${baseName(path)}`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 412) {
          setConflict(path);
        } else {
          notify('error', `${baseName(path)} was not saved`, (error as Error).message);
        }
      }
    },
    [workspaceId, updateTab],
  );

  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  }, [save]);

  useEffect(() => {
    const element = container.current;
    if (element === null) {
      return undefined;
    }
    const editor = monaco.editor.create(element, {
      model: null,
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 13,
      theme: 'vs',
    });
    editor.addAction({
      id: 'cloudworkspace.save',
      label: 'Save',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS],
      run: () => {
        const path = activeRef.current;
        if (path !== null) {
          void saveRef.current(path);
        }
      },
    });
    editorRef.current = editor;
    const all = models.current;
    return () => {
      editor.dispose();
      all.forEach((model) => {
        model.dispose();
      });
      all.clear();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = editorRef.current;
    if (editor === null) {
      return;
    }
    const model = active === null ? null : (models.current.get(active) ?? null);
    editor.setModel(model);
    const tab = tabs.find((t) => t.path === active);
    editor.updateOptions({ readOnly: tab?.binary ?? false });
    if (model !== null) {
      editor.focus();
    }
  }, [active, tabs]);

  const open = useCallback(
    (path: string) => {
      if (models.current.has(path)) {
        setActive(path);
        return;
      }
      readFile(workspaceId, path)
        .then((file) => {
          if (models.current.has(path)) {
            setActive(path);
            return;
          }
          const model = monaco.editor.createModel(
            file.binary
              ? 'This file is not text and cannot be edited here; download it instead.'
              : file.text,
            file.binary ? 'plaintext' : languageOf(baseName(path)),
            monaco.Uri.from({ scheme: 'workspace', path: `/${path}` }),
          );
          models.current.set(path, model);
          model.onDidChangeContent(() => {
            markDirty(path);
          });
          const tab: Tab = {
            path,
            etag: file.etag,
            binary: file.binary,
            savedVersion: model.getAlternativeVersionId(),
          };
          setTabs((current) => {
            const next = [...current, tab];
            tabsRef.current = next;
            return next;
          });
          setActive(path);
        })
        .catch((error: unknown) => {
          notify('error', `${baseName(path)} could not be opened`, (error as Error).message);
        });
    },
    [workspaceId, markDirty],
  );

  const forget = useCallback((path: string) => {
    models.current.get(path)?.dispose();
    models.current.delete(path);
    setTabs((current) => {
      const next = current.filter((t) => t.path !== path);
      tabsRef.current = next;
      if (activeRef.current === path) {
        setActive(next[next.length - 1]?.path ?? null);
      }
      return next;
    });
    setDirty((current) => {
      const next = new Set(current);
      next.delete(path);
      return next;
    });
  }, []);

  useImperativeHandle(
    handle,
    () => ({
      open,
      renamed: (from, to) => {
        // Tabs of a renamed file (or of files in a renamed folder) are closed; a renamed file that
        // was open is opened again under its new name.
        const wasOpen = tabsRef.current.some((tab) => tab.path === from);
        for (const tab of tabsRef.current) {
          if (tab.path === from || tab.path.startsWith(`${from}/`)) {
            forget(tab.path);
          }
        }
        if (wasOpen) {
          open(to);
        }
      },
      deleted: (path) => {
        for (const tab of tabsRef.current) {
          if (tab.path === path || tab.path.startsWith(`${path}/`)) {
            forget(tab.path);
          }
        }
      },
    }),
    [open, forget],
  );

  const resolveOverwrite = () => {
    if (conflict === null) {
      return;
    }
    setResolving(true);
    readFile(workspaceId, conflict)
      .then((current) => save(conflict, current.etag))
      .catch((error: unknown) => {
        notify('error', 'Not saved', (error as Error).message);
      })
      .finally(() => {
        setResolving(false);
        setConflict(null);
      });
  };

  const resolveReload = () => {
    if (conflict === null) {
      return;
    }
    const path = conflict;
    setResolving(true);
    readFile(workspaceId, path)
      .then((current) => {
        const model = models.current.get(path);
        if (model !== undefined) {
          model.setValue(current.text);
          updateTab(path, { etag: current.etag, savedVersion: model.getAlternativeVersionId() });
        }
      })
      .catch((error: unknown) => {
        notify('error', 'Not reloaded', (error as Error).message);
      })
      .finally(() => {
        setResolving(false);
        setConflict(null);
      });
  };

  return (
    <section className="ide-editor" aria-label="Editor">
      <div className="ide-tabs" role="tablist" aria-label="Open files">
        {tabs.map((tab) => (
          <div key={tab.path} className={`ide-tab${active === tab.path ? ' ide-tab--active' : ''}`}>
            <button
              type="button"
              role="tab"
              aria-selected={active === tab.path}
              className="ide-tab__label"
              title={tab.path}
              onClick={() => {
                setActive(tab.path);
              }}
            >
              {baseName(tab.path)}
              {dirty.has(tab.path) && (
                <span className="ide-tab__dirty" aria-label="unsaved changes">
                  ●
                </span>
              )}
            </button>
            <button
              type="button"
              className="ide-tab__close"
              aria-label={`Close ${baseName(tab.path)}`}
              onClick={() => {
                if (dirty.has(tab.path)) {
                  setClosing(tab.path);
                } else {
                  forget(tab.path);
                }
              }}
            >
              <CloseIcon />
            </button>
          </div>
        ))}
      </div>
      {tabs.length === 0 && (
        <div className="ide-editor__empty">
          <Alert kind="info" title="No file open">
            Pick a file in the tree, or create one. Ctrl+S saves.
          </Alert>
        </div>
      )}
      <div ref={container} className="ide-editor__monaco" hidden={tabs.length === 0} />
      {conflict !== null && (
        <ConflictDialog
          path={conflict}
          busy={resolving}
          onOverwrite={resolveOverwrite}
          onReload={resolveReload}
          onCancel={() => {
            setConflict(null);
          }}
        />
      )}
      {closing !== null && (
        <ConfirmDialog
          title={`Close ${baseName(closing)}?`}
          confirmLabel="Discard changes"
          danger
          onCancel={() => {
            setClosing(null);
          }}
          onConfirm={() => {
            forget(closing);
            setClosing(null);
          }}
        >
          Your unsaved changes are lost.
        </ConfirmDialog>
      )}
    </section>
  );
}
