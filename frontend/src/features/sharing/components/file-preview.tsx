import { useEffect, useState } from 'react';
import { Alert } from '@/components/alert';
import { ExternalIcon } from '@/components/file-icons';
import { Spinner } from '@/components/spinner';
import { messageOf } from '../utils/errors';
import type { PreviewKind } from '../utils/format';

const MAX_TEXT_BYTES = 1024 * 1024;

type State =
  | { status: 'loading' }
  | { status: 'error'; message: string }
  | { status: 'url'; url: string }
  | { status: 'text'; text: string; truncated: boolean };

/**
 * A preview of a shared file, as the file manager shows them: images, audio and video from a
 * blob: URL (allowed by the CSP), text as text (never markup), PDF in the browser's own viewer
 * in a new tab (the CSP keeps documents out of frames of the workspace).
 */
export function FilePreview({
  name,
  kind,
  load,
}: {
  name: string;
  kind: Exclude<PreviewKind, null>;
  load: (signal: AbortSignal) => Promise<Blob>;
}) {
  const [state, setState] = useState<State>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    load(controller.signal)
      .then(async (blob) => {
        if (kind === 'text') {
          const text = await blob.slice(0, MAX_TEXT_BYTES).text();
          setState({ status: 'text', text, truncated: blob.size > MAX_TEXT_BYTES });
          return;
        }
        const typed = kind === 'pdf' ? new Blob([blob], { type: 'application/pdf' }) : blob;
        url = URL.createObjectURL(typed);
        setState({ status: 'url', url });
      })
      .catch((error: unknown) => {
        if (!(error instanceof DOMException && error.name === 'AbortError')) {
          setState({ status: 'error', message: messageOf(error, 'Try again.') });
        }
      });
    return () => {
      controller.abort();
      if (url !== null) {
        const revoked = url;
        setTimeout(() => {
          URL.revokeObjectURL(revoked);
        }, 60_000);
      }
    };
  }, [kind, load]);

  if (state.status === 'loading') {
    return <Spinner label={`Loading ${name}`} />;
  }
  if (state.status === 'error') {
    return (
      <Alert kind="error" title="The preview could not be loaded">
        {state.message}
      </Alert>
    );
  }
  if (state.status === 'text') {
    return (
      <div className="viewer__text">
        {state.truncated && <p className="viewer__note">Showing the first 1 MB.</p>}
        <pre className="text-preview" tabIndex={0} aria-label={`Contents of ${name}`}>
          {state.text}
        </pre>
      </div>
    );
  }
  switch (kind) {
    case 'image':
      return <img className="viewer__image" src={state.url} alt={name} />;
    case 'video':
      return (
        <video className="viewer__video" src={state.url} controls aria-label={name}>
          Your browser cannot play this video.
        </video>
      );
    case 'audio':
      return (
        <audio className="viewer__audio" src={state.url} controls aria-label={name}>
          Your browser cannot play this audio file.
        </audio>
      );
    default:
      return (
        <div className="viewer__pdf">
          <p className="viewer__note">PDF documents open in the browser’s viewer.</p>
          <a className="button button--primary" href={state.url} target="_blank" rel="noopener">
            <ExternalIcon width={18} height={18} />
            Open in a new tab
          </a>
        </div>
      );
  }
}
