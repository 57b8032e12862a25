import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/text-field';

/** Asks for a path in the workspace (new file, new folder, rename or move). */
export function PathDialog({
  title,
  label,
  initial,
  confirmLabel,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  initial: string;
  confirmLabel: string;
  onSubmit: (path: string) => Promise<void>;
  onClose: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    const path = value.trim().replace(/^\/+/, '');
    if (path === '') {
      setError('Give a name.');
      return;
    }
    setBusy(true);
    setError(null);
    onSubmit(path)
      .then(onClose)
      .catch((failure: unknown) => {
        setBusy(false);
        setError(failure instanceof Error ? failure.message : 'That did not work.');
      });
  };

  return (
    <Dialog
      title={title}
      onClose={onClose}
      dismissable={!busy}
      footer={
        <>
          <Button variant="secondary" onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button type="submit" form="ide-path-form" busy={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <form id="ide-path-form" onSubmit={submit}>
        <TextField
          label={label}
          value={value}
          onChange={(event) => {
            setValue(event.target.value);
          }}
          hint="Relative to the workspace folder; use / for folders."
          maxLength={4096}
        />
        {error !== null && <Alert kind="error">{error}</Alert>}
      </form>
    </Dialog>
  );
}
