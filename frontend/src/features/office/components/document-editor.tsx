import { useEffect, useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { downloadFile } from '../api/download-file';
import { useCapabilities } from '../api/get-capabilities';
import { useEditorConfig, type EditorConfig } from '../api/get-editor-config';
import { useFile } from '../api/get-file';
import { UnsavedChangesBanner } from './unsaved-changes-banner';
import { VersionHistory } from './version-history';
import './office.css';

interface DocsApi {
  DocEditor: new (
    placeholderId: string,
    config: Record<string, unknown>,
  ) => {
    destroyEditor?: () => void;
  };
}

declare global {
  interface Window {
    DocsAPI?: DocsApi;
  }
}

const PLACEHOLDER_ID = 'office-editor-placeholder';

/** Loads the Document Server's api.js once per page. */
function useApiScript(src: string | undefined): 'idle' | 'loading' | 'ready' | 'failed' {
  const [loaded, setLoaded] = useState<{ src: string; ok: boolean } | null>(null);
  useEffect(() => {
    if (src === undefined || window.DocsAPI !== undefined) {
      return;
    }
    const script = document.createElement('script');
    script.src = src;
    script.async = true;
    script.onload = () => {
      setLoaded({ src, ok: window.DocsAPI !== undefined });
    };
    script.onerror = () => {
      setLoaded({ src, ok: false });
    };
    document.head.append(script);
  }, [src]);
  if (src === undefined) {
    return 'idle';
  }
  if (window.DocsAPI !== undefined) {
    return 'ready';
  }
  if (loaded?.src !== src) {
    return 'loading';
  }
  return loaded.ok ? 'ready' : 'failed';
}

function folderHref(config: EditorConfig | undefined, shareId: string | null): string {
  if (shareId !== null) {
    // The folder inside the share, or the share itself (a shared file, or the top folder).
    const folder = config?.folderId ? `/${encodeURIComponent(config.folderId)}` : '';
    return `/files/shared/${encodeURIComponent(shareId)}${folder}`;
  }
  return config?.folderId ? `/files/${encodeURIComponent(config.folderId)}` : '/files';
}

/**
 * The document editor page: the Document Server's editor full-page with the signed config from
 * the server, a bar with the way back to the folder, who else is editing, and unsaved changes.
 * Without a Document Server the file is offered for download with a note on enabling editing.
 * With `shareId` the file is one of a share with the user: edit or view mode as the share allows,
 * and the way back leads into the share (versions and unsaved changes stay with the owner).
 */
export function DocumentEditor({
  fileId,
  shareId = null,
}: {
  fileId: string;
  shareId?: string | null;
}) {
  const capabilities = useCapabilities();
  const enabled = capabilities.data?.documentServer === true;
  const config = useEditorConfig(fileId, shareId, enabled);
  const script = useApiScript(config.data?.apiScriptUrl);
  const [showHistory, setShowHistory] = useState(false);

  useEffect(() => {
    if (script !== 'ready' || config.data === undefined || window.DocsAPI === undefined) {
      return;
    }
    const editor = new window.DocsAPI.DocEditor(PLACEHOLDER_ID, config.data.config);
    return () => {
      editor.destroyEditor?.();
    };
  }, [script, config.data]);

  const others = (config.data?.editors ?? []).length;
  const title = config.data?.fileName ?? 'Document';

  return (
    <div className="office-editor">
      <title>{`${title} · Cloud Workspace`}</title>
      <header className="office-editor__bar">
        <a className="button button--secondary" href={folderHref(config.data, shareId)}>
          ← Back to folder
        </a>
        <h1 className="office-editor__title">{title}</h1>
        {config.data?.mode === 'view' && <span className="office-editor__badge">View only</span>}
        {others > 0 && (
          <span className="office-editor__editors" aria-label="Also editing">
            Editing now: {config.data?.editors.map((e) => e.name).join(', ')}
          </span>
        )}
        {config.data !== undefined && shareId === null && (
          <Button
            variant="secondary"
            onClick={() => {
              setShowHistory((v) => !v);
            }}
          >
            {showHistory ? 'Hide versions' : 'Versions'}
          </Button>
        )}
      </header>
      {shareId === null && <UnsavedChangesBanner fileId={fileId} />}
      {capabilities.isPending && <Spinner label="Loading…" />}
      {capabilities.isError && (
        <Alert kind="error" title="The editor could not be loaded">
          {capabilities.error.message}
        </Alert>
      )}
      {capabilities.data !== undefined && !enabled && (
        <NoDocumentServer fileId={fileId} shareId={shareId} />
      )}
      {config.isError && (
        <Alert kind="error" title="This document cannot be opened">
          {config.error instanceof ApiError
            ? (config.error.detail ?? config.error.title)
            : config.error.message}
        </Alert>
      )}
      {script === 'failed' && (
        <Alert kind="error" title="The Document Server did not answer">
          Its editor script could not be loaded from {config.data?.documentServerUrl}. Try again
          later, or ask an admin to check the Document Server address.
        </Alert>
      )}
      <div className="office-editor__body">
        {enabled && (config.isPending || script === 'loading') && (
          <Spinner label="Opening the editor…" />
        )}
        <div className="office-editor__frame">
          <div id={PLACEHOLDER_ID} />
        </div>
        {showHistory && config.data !== undefined && shareId === null && (
          <aside className="office-editor__history">
            <VersionHistory
              fileId={fileId}
              onRestored={() => {
                window.location.reload();
              }}
            />
          </aside>
        )}
      </div>
    </div>
  );
}

function NoDocumentServer({ fileId, shareId }: { fileId: string; shareId: string | null }) {
  const [busy, setBusy] = useState(false);
  const file = useFile(fileId, shareId);
  return (
    <div className="office-editor__note">
      <Alert kind="info" title="Office documents cannot be edited here yet">
        Editing needs an OnlyOffice Document Server. An admin can connect one by setting its address
        (ONLYOFFICE_URL, or the Document Server setting in the admin settings) and its JWT secret
        (ONLYOFFICE_TOKEN_SECRET). Meanwhile, download the file to edit it on your computer.
      </Alert>
      <Button
        busy={busy}
        disabled={file.data === undefined}
        onClick={() => {
          setBusy(true);
          downloadFile(fileId, file.data?.name ?? 'document', shareId)
            .catch((error: unknown) => {
              notify(
                'error',
                'Download failed',
                error instanceof Error ? error.message : undefined,
              );
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        Download {file.data?.name}
      </Button>
    </div>
  );
}
