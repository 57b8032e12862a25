import { useEffect, useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import {
  ChevronLeftIcon,
  ChevronRightIcon,
  DownloadIcon,
  ExternalIcon,
  FileTextIcon,
} from '@/components/file-icons';
import { Spinner } from '@/components/spinner';
import { getContentBlob, getContentText } from '../api/download-content';
import type { FileNode } from '../api/node';
import { describeError, isAbort } from '../utils/describe-error';
import { MAX_TEXT_PREVIEW_BYTES, previewKindOf, type PreviewKind } from '../utils/file-kind';
import { formatBytes, formatModified } from '../utils/format';

type PreviewState =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'blob'; url: string }
  | { status: 'text'; text: string; truncated: boolean };

/**
 * Loads what a preview shows. Bytes come through the authorized fetch and are shown from a blob:
 * URL (the CSP allows blob: for img and media); text is decoded and shown as text, never markup.
 */
function usePreviewContent(node: FileNode, kind: PreviewKind): PreviewState {
  const [state, setState] = useState<PreviewState>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    const fail = (error: unknown) => {
      if (!isAbort(error)) {
        setState({
          status: 'error',
          message: describeError(error, 'preview', { name: node.name }),
        });
      }
    };
    if (kind === 'text') {
      getContentText(node.id, MAX_TEXT_PREVIEW_BYTES, controller.signal)
        .then(({ text, truncated }) => {
          setState({ status: 'text', text, truncated });
        })
        .catch(fail);
    } else {
      getContentBlob(node.id, { inline: true, signal: controller.signal })
        .then((blob) => {
          // A PDF opens in the browser's viewer in a new tab: make sure it is one, never HTML.
          const typed = kind === 'pdf' ? new Blob([blob], { type: 'application/pdf' }) : blob;
          url = URL.createObjectURL(typed);
          setState({ status: 'blob', url });
        })
        .catch(fail);
    }
    return () => {
      controller.abort();
      if (url !== null) {
        const revoked = url;
        // A PDF tab opened from this URL may still be loading it.
        setTimeout(
          () => {
            URL.revokeObjectURL(revoked);
          },
          kind === 'pdf' ? 60_000 : 0,
        );
      }
    };
  }, [node.id, node.name, kind]);
  return state;
}

function PreviewContent({
  node,
  kind,
  onDownload,
}: {
  node: FileNode;
  kind: PreviewKind;
  onDownload: () => void;
}) {
  const state = usePreviewContent(node, kind);
  if (state.status === 'loading') {
    return (
      <div className="viewer__placeholder">
        <Spinner label={`Loading ${node.name}`} />
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="viewer__placeholder">
        <Alert kind="error" title="The preview could not be loaded">
          {state.message}
        </Alert>
      </div>
    );
  }
  if (state.status === 'text') {
    return (
      <div className="viewer__text">
        {state.truncated && (
          <p className="viewer__note">
            Showing the first {formatBytes(MAX_TEXT_PREVIEW_BYTES)}. Download the file to see all of
            it.
          </p>
        )}
        {/* A scrollable region has to be reachable by keyboard. */}
        <pre className="text-preview" tabIndex={0} aria-label={`Contents of ${node.name}`}>
          {state.text}
        </pre>
      </div>
    );
  }
  switch (kind) {
    case 'image':
      return <img className="viewer__image" src={state.url} alt={node.name} />;
    case 'video':
      return (
        <video className="viewer__video" src={state.url} controls aria-label={node.name}>
          Your browser cannot play this video.
        </video>
      );
    case 'audio':
      return (
        <div className="viewer__placeholder">
          <audio className="viewer__audio" src={state.url} controls aria-label={node.name}>
            Your browser cannot play this audio file.
          </audio>
        </div>
      );
    case 'pdf':
      // The CSP (frame-src and object-src fall back to default-src 'self') blocks blob: URLs in
      // <iframe>, <object> and <embed>; a top-level tab shows the browser's own PDF viewer.
      return (
        <div className="viewer__placeholder viewer__pdf">
          <FileTextIcon width={48} height={48} />
          <p className="viewer__pdf-title">PDF documents open in the browser’s viewer</p>
          <p className="viewer__note">
            They are not shown inside this page, so that documents never run in the workspace.
          </p>
          <div className="viewer__pdf-actions">
            <a className="button button--primary" href={state.url} target="_blank" rel="noopener">
              <ExternalIcon width={18} height={18} />
              Open in a new tab
            </a>
            <Button variant="secondary" onClick={onDownload}>
              <DownloadIcon width={18} height={18} />
              Download
            </Button>
          </div>
        </div>
      );
    case 'text':
      return null;
  }
}

/** Shows a file in a large modal, with the previous/next previewable file of the list. */
export function PreviewDialog({
  node,
  siblings,
  onNavigate,
  onDownload,
  onClose,
}: {
  node: FileNode;
  /** The files of the list it was opened from, to step through with ← and →. */
  siblings: readonly FileNode[];
  onNavigate: (node: FileNode) => void;
  onDownload: (node: FileNode) => void;
  onClose: () => void;
}) {
  const kind = previewKindOf(node);
  const previewable = siblings.filter((n) => previewKindOf(n) !== null);
  const index = previewable.findIndex((n) => n.id === node.id);
  const previous = index > 0 ? previewable[index - 1] : undefined;
  const next = index >= 0 && index < previewable.length - 1 ? previewable[index + 1] : undefined;

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement;
      // Media controls and text fields use the arrow keys themselves.
      if (['VIDEO', 'AUDIO', 'INPUT', 'TEXTAREA'].includes(target.tagName)) {
        return;
      }
      if (event.key === 'ArrowLeft' && previous !== undefined) {
        event.preventDefault();
        onNavigate(previous);
      } else if (event.key === 'ArrowRight' && next !== undefined) {
        event.preventDefault();
        onNavigate(next);
      }
    }
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [previous, next, onNavigate]);

  return (
    <Dialog
      title={node.name}
      description={`${formatBytes(node.size)} · modified ${formatModified(node.modifiedAt)}`}
      onClose={onClose}
      size="wide"
      className="viewer"
      footer={
        <>
          <Button
            variant="secondary"
            disabled={previous === undefined}
            onClick={() => {
              if (previous !== undefined) {
                onNavigate(previous);
              }
            }}
          >
            <ChevronLeftIcon width={18} height={18} />
            Previous
          </Button>
          <Button
            variant="secondary"
            disabled={next === undefined}
            onClick={() => {
              if (next !== undefined) {
                onNavigate(next);
              }
            }}
          >
            Next
            <ChevronRightIcon width={18} height={18} />
          </Button>
          <span className="dialog__spacer" />
          <Button
            onClick={() => {
              onDownload(node);
            }}
          >
            <DownloadIcon width={18} height={18} />
            Download
          </Button>
        </>
      }
    >
      <div className="viewer__stage">
        {kind === null ? (
          <div className="viewer__placeholder">
            <p>There is no preview for this kind of file.</p>
          </div>
        ) : (
          <PreviewContent
            key={node.id}
            node={node}
            kind={kind}
            onDownload={() => {
              onDownload(node);
            }}
          />
        )}
      </div>
    </Dialog>
  );
}
