import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';

/** The file changed on disk since it was opened: the user chooses whose version wins. */
export function ConflictDialog({
  path,
  busy,
  onOverwrite,
  onReload,
  onCancel,
}: {
  path: string;
  busy: boolean;
  onOverwrite: () => void;
  onReload: () => void;
  onCancel: () => void;
}) {
  return (
    <Dialog
      title="The file changed on disk"
      onClose={onCancel}
      dismissable={!busy}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </Button>
          <Button variant="secondary" onClick={onReload} disabled={busy}>
            Discard mine, load theirs
          </Button>
          <Button onClick={onOverwrite} busy={busy}>
            Overwrite with mine
          </Button>
        </>
      }
    >
      <p>
        <strong>{path}</strong> was changed (for example from a terminal) after you opened it.
        Saving now would lose that change.
      </p>
    </Dialog>
  );
}
