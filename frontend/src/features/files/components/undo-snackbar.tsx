import { useState, useSyncExternalStore } from 'react';
import { CloseIcon } from '@/components/icons';
import { notify } from '@/lib/notifications';
import { dismissUndo, getUndoOffer, subscribeToUndo } from '../stores/undo';

/** "Moved to the trash — Undo". */
export function UndoSnackbar() {
  const offer = useSyncExternalStore(subscribeToUndo, getUndoOffer);
  const [busy, setBusy] = useState(false);
  if (offer === null) {
    return null;
  }
  return (
    <div className="snackbar" role="status">
      <p className="snackbar__message">{offer.message}</p>
      <button
        type="button"
        className="snackbar__action"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          offer
            .undo()
            .then(() => {
              dismissUndo(offer.id);
            })
            .catch(() => {
              dismissUndo(offer.id);
              notify('error', 'Undo failed', 'Restore the items from the trash instead.');
            })
            .finally(() => {
              setBusy(false);
            });
        }}
      >
        Undo
      </button>
      <button
        type="button"
        className="snackbar__close"
        aria-label="Dismiss"
        onClick={() => {
          dismissUndo(offer.id);
        }}
      >
        <CloseIcon width={16} height={16} />
      </button>
    </div>
  );
}
