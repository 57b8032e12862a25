import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { useRetryUnsavedChange, useUnsavedChanges } from '../api/unsaved-changes';

/**
 * "Changes not yet saved": edits the Document Server delivered that could not be stored yet, with
 * the reason and a way to try again. Only for one file when `fileId` is given.
 */
export function UnsavedChangesBanner({ fileId }: { fileId?: string }) {
  const unsaved = useUnsavedChanges();
  const retry = useRetryUnsavedChange();
  const items = (unsaved.data ?? []).filter(
    (item) => item.state !== 'saved' && (fileId === undefined || item.fileId === fileId),
  );
  if (items.length === 0) {
    return null;
  }
  return (
    <div className="office-unsaved">
      {items.map((item) => (
        <Alert key={item.id} kind="error" title={`Changes to “${item.fileName}” not yet saved`}>
          <p>
            {item.lastError ?? 'The save is in progress.'} The Document Server keeps the changes and
            tries again; an admin can retry too. ({item.attempts}{' '}
            {item.attempts === 1 ? 'attempt' : 'attempts'} so far)
          </p>
          <Button
            variant="secondary"
            busy={retry.isPending && retry.variables === item.id}
            onClick={() => {
              retry.mutate(item.id);
            }}
          >
            Try again now
          </Button>
        </Alert>
      ))}
    </div>
  );
}
