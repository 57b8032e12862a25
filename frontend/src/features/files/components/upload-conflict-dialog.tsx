import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import type { ConflictPolicy } from '../api/upload-file';
import { plural } from '../utils/format';

/** Some uploads have the name of a file already there: replace it (keeping a version) or keep both. */
export function UploadConflictDialog({
  names,
  onChoose,
  onCancel,
}: {
  names: readonly string[];
  onChoose: (policy: ConflictPolicy) => void;
  onCancel: () => void;
}) {
  const shown = names.slice(0, 5);
  return (
    <Dialog
      title={
        names.length === 1
          ? `“${names[0] ?? ''}” already exists`
          : `${plural(names.length, 'file')} already exist`
      }
      onClose={onCancel}
      footer={
        <>
          <Button variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              onChoose('rename');
            }}
          >
            Keep both
          </Button>
          <Button
            onClick={() => {
              onChoose('replace');
            }}
          >
            Replace
          </Button>
        </>
      }
    >
      <p>
        Replacing keeps the current content as an earlier version, so it can be restored from the
        file’s versions. “Keep both” uploads under a new name.
      </p>
      {names.length > 1 && (
        <ul className="conflict-list">
          {shown.map((name) => (
            <li key={name}>{name}</li>
          ))}
          {names.length > shown.length && <li>and {names.length - shown.length} more</li>}
        </ul>
      )}
    </Dialog>
  );
}
