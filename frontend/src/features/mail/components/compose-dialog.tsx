import { useRef, useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-error';
import { notify } from '@/lib/notifications';
import { uploadAttachment, useSaveDraft, useSend, type ComposeInput } from '../api/compose';
import { useFilesFolder, type FilesNode } from '../api/files';

/** What a compose window starts with (reply, reply-all, forward or a new message). */
export interface ComposeDraft {
  accountId: number;
  to: string;
  cc: string;
  subject: string;
  text: string;
  inReplyTo?: { folder: string; uid: number } | undefined;
  forwardOf?: { folder: string; uid: number } | undefined;
  forwardedAttachments?: string[] | undefined;
}

interface Attached {
  key: string;
  name: string;
  uploadId?: string | undefined;
  fileId?: string | undefined;
}

function split(list: string): string[] {
  return list
    .split(/[,;]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The compose window: recipients, subject, text, attachments (uploaded or from Files), send or keep as draft. */
export function ComposeDialog({ draft, onClose }: { draft: ComposeDraft; onClose: () => void }) {
  const [to, setTo] = useState(draft.to);
  const [cc, setCc] = useState(draft.cc);
  const [bcc, setBcc] = useState('');
  const [subject, setSubject] = useState(draft.subject);
  const [text, setText] = useState(draft.text);
  const [attached, setAttached] = useState<Attached[]>([]);
  const [uploading, setUploading] = useState(0);
  const [draftUid, setDraftUid] = useState<number | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [picking, setPicking] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const send = useSend(draft.accountId);
  const saveDraft = useSaveDraft(draft.accountId);
  const folder = useFilesFolder(picking);

  function input(): ComposeInput {
    return {
      to: split(to),
      cc: split(cc),
      bcc: split(bcc),
      subject,
      text,
      inReplyTo: draft.inReplyTo,
      forwardOf: draft.forwardOf,
      uploadIds: attached.flatMap((a) => (a.uploadId === undefined ? [] : [a.uploadId])),
      fileIds: attached.flatMap((a) => (a.fileId === undefined ? [] : [a.fileId])),
      draftUid,
    };
  }

  async function onFiles(files: FileList | null) {
    for (const file of Array.from(files ?? [])) {
      setUploading((n) => n + 1);
      try {
        const upload = await uploadAttachment(file);
        setAttached((list) => [
          ...list,
          { key: upload.id, name: upload.name, uploadId: upload.id },
        ]);
      } catch (e) {
        setError(e instanceof ApiError ? e : ApiError.network());
      } finally {
        setUploading((n) => n - 1);
      }
    }
  }

  function pick(node: FilesNode) {
    if (node.type === 'folder') {
      setPicking(node.id);
      return;
    }
    setAttached((list) => [...list, { key: `file-${node.id}`, name: node.name, fileId: node.id }]);
    setPicking(null);
  }

  async function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    try {
      const result = await send.mutateAsync(input());
      notify('success', 'Message sent', result.warning ?? undefined);
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e : ApiError.network());
    }
  }

  async function onSaveDraft() {
    setError(null);
    try {
      const saved = await saveDraft.mutateAsync(input());
      setDraftUid(saved.uid);
      notify('info', 'Draft saved', `in ${saved.folder}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : ApiError.network());
    }
  }

  const fieldError = (field: string) => error?.fieldErrors.find((e) => e.field === field)?.message;

  return (
    <Dialog
      title="New message"
      onClose={onClose}
      dismissable={!send.isPending}
      size="wide"
      className="mail-compose"
      footer={
        <>
          <Button variant="secondary" onClick={() => void onSaveDraft()} busy={saveDraft.isPending}>
            Save draft
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={send.isPending}>
            Discard
          </Button>
          <Button
            type="submit"
            form="mail-compose-form"
            busy={send.isPending}
            disabled={uploading > 0}
          >
            Send
          </Button>
        </>
      }
    >
      <form id="mail-compose-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {error !== null && (
          <Alert kind="error" title={error.title}>
            {error.detail}
          </Alert>
        )}
        <TextField
          label="To"
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
          }}
          error={fieldError('to')}
        />
        <TextField
          label="Cc"
          value={cc}
          onChange={(e) => {
            setCc(e.target.value);
          }}
          error={fieldError('cc')}
        />
        <TextField
          label="Bcc"
          value={bcc}
          onChange={(e) => {
            setBcc(e.target.value);
          }}
          error={fieldError('bcc')}
        />
        <TextField
          label="Subject"
          value={subject}
          onChange={(e) => {
            setSubject(e.target.value);
          }}
          error={fieldError('subject')}
        />
        <label className="field">
          <span className="field__label">Message</span>
          <textarea
            aria-label="Message text"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
            }}
          />
        </label>
        <div className="mail-compose__files" aria-label="Attachments">
          {(draft.forwardedAttachments ?? []).map((name) => (
            <span key={`fwd-${name}`} className="button button--ghost">
              {name} (forwarded)
            </span>
          ))}
          {attached.map((a) => (
            <Button
              key={a.key}
              variant="ghost"
              aria-label={`Remove attachment ${a.name}`}
              onClick={() => {
                setAttached((list) => list.filter((x) => x.key !== a.key));
              }}
            >
              {a.name} ✕
            </Button>
          ))}
          {uploading > 0 && <span>Uploading {uploading}…</span>}
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          aria-label="Upload attachment"
          onChange={(e) => {
            void onFiles(e.target.files);
            e.target.value = '';
          }}
        />
        <Button variant="secondary" onClick={() => fileInput.current?.click()}>
          Attach file…
        </Button>{' '}
        <Button
          variant="secondary"
          onClick={() => {
            setPicking(picking === null ? 'root' : null);
          }}
        >
          {picking === null ? 'Attach from Files…' : 'Close Files'}
        </Button>
        {picking !== null && (
          <ul className="mail__items" aria-label="Your files">
            {folder.data?.breadcrumbs.length !== undefined &&
              folder.data.breadcrumbs.length > 1 && (
                <li>
                  <button
                    type="button"
                    className="mail__item"
                    onClick={() => {
                      setPicking('root');
                    }}
                  >
                    ← All files
                  </button>
                </li>
              )}
            {folder.data?.items.map((node) => (
              <li key={node.id}>
                <button
                  type="button"
                  className="mail__item"
                  onClick={() => {
                    pick(node);
                  }}
                >
                  {node.type === 'folder' ? '📁 ' : ''}
                  {node.name}
                </button>
              </li>
            ))}
            {folder.isError && <li className="mail__empty">Your files could not be listed.</li>}
          </ul>
        )}
      </form>
    </Dialog>
  );
}
