import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { ApiError } from '@/lib/api-error';
import { fetchAuthorized } from '../api/download';
import { useSaveToFiles, useTrustSender } from '../api/mailbox';
import { formatAddress, fullAddress, type MailMessage, type MessageRef } from '../api/schemas';
import { notify } from '@/lib/notifications';

interface Props {
  message: MailMessage | undefined;
  loading: boolean;
  error: unknown;
  remote: boolean;
  onAllowRemote: () => void;
  onReply: (all: boolean) => void;
  onForward: () => void;
  onArchive: () => void;
  onDelete: () => void;
  onToggleFlag: () => void;
  onToggleSeen: () => void;
}

async function download(ref: MessageRef, part: string, name: string) {
  try {
    const response = await fetchAuthorized(
      `/api/mail/accounts/${ref.accountId}/messages/${ref.uid}/parts/${part}?${new URLSearchParams({ folder: ref.folder })}`,
    );
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.click();
    setTimeout(() => {
      URL.revokeObjectURL(url);
    }, 10_000);
  } catch (e) {
    notify('error', 'Download failed', e instanceof ApiError ? e.detail : undefined);
  }
}

/**
 * The open message: headers, actions, and the body in a sandboxed iframe served by the server under
 * its own CSP (default-src 'none'); remote images stay blocked until allowed for this message or sender.
 */
export function MessagePane({ message, loading, error, remote, onAllowRemote, ...actions }: Props) {
  const trust = useTrustSender();
  const saveToFiles = useSaveToFiles();
  if (loading && message === undefined) {
    return <Spinner label="Opening message…" />;
  }
  if (error !== null && error !== undefined) {
    return (
      <p className="mail__empty" role="alert">
        {error instanceof ApiError
          ? `${error.title}: ${error.detail ?? ''}`
          : 'The message could not be opened.'}
      </p>
    );
  }
  if (message === undefined) {
    return <p className="mail__empty">Choose a message to read it.</p>;
  }
  const ref = { accountId: message.accountId, folder: message.folder, uid: message.uid };
  const sender = message.from[0];
  const files = message.attachments.filter((a) => !a.inline);
  return (
    <>
      <header className="mail__header">
        <h2>{message.subject ?? '(no subject)'}</h2>
        <div>
          <strong>{message.from.map(fullAddress).join(', ')}</strong>
        </div>
        <div className="mail__meta">
          <span>To {message.to.map(formatAddress).join(', ')}</span>
          <span>
            {message.date === null || message.date === undefined
              ? ''
              : new Date(message.date).toLocaleString()}
          </span>
        </div>
        {message.cc.length > 0 && (
          <div className="mail__meta">Cc {message.cc.map(formatAddress).join(', ')}</div>
        )}
        <div className="mail__actions">
          <Button
            variant="secondary"
            onClick={() => {
              actions.onReply(false);
            }}
            title="Reply (r)"
          >
            Reply
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              actions.onReply(true);
            }}
            title="Reply all (a)"
          >
            Reply all
          </Button>
          <Button variant="secondary" onClick={actions.onForward} title="Forward (f)">
            Forward
          </Button>
          <Button variant="ghost" onClick={actions.onArchive} title="Archive (e)">
            Archive
          </Button>
          <Button variant="ghost" onClick={actions.onDelete} title="Delete (#)">
            Delete
          </Button>
          <Button variant="ghost" onClick={actions.onToggleFlag} title="Flag (s)">
            {message.flagged ? 'Unflag' : 'Flag'}
          </Button>
          <Button variant="ghost" onClick={actions.onToggleSeen} title="Mark unread (u)">
            Mark unread
          </Button>
        </div>
      </header>
      {message.remoteContentBlocked && !remote && (
        <div className="mail__notice" role="status">
          <span>Remote images were blocked to protect your privacy.</span>
          <Button variant="secondary" onClick={onAllowRemote}>
            Show images
          </Button>
          {sender !== undefined && (
            <Button
              variant="ghost"
              busy={trust.isPending}
              onClick={() => {
                trust.mutate(sender.address, { onSuccess: onAllowRemote });
              }}
            >
              Always show from {sender.address}
            </Button>
          )}
        </div>
      )}
      {message.problems.length > 0 && (
        <div className="mail__notice" role="status">
          Parts of this message are malformed; it is shown as well as possible.
        </div>
      )}
      <iframe
        key={message.htmlUrl}
        className="mail__frame"
        title="Message body"
        src={message.htmlUrl}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
      />
      {files.length > 0 && (
        <div className="mail__attachments" aria-label="Attachments">
          {files.map((a) => (
            <span key={a.part}>
              <Button variant="secondary" onClick={() => void download(ref, a.part, a.name)}>
                ⤓ {a.name}
              </Button>
              <Button
                variant="ghost"
                aria-label={`Save ${a.name} to Files`}
                onClick={() => {
                  saveToFiles.mutate(
                    { ...ref, part: a.part },
                    {
                      onSuccess: (file) => {
                        notify('success', 'Saved to Files', file.name);
                      },
                    },
                  );
                }}
              >
                Save to Files
              </Button>
            </span>
          ))}
        </div>
      )}
    </>
  );
}
