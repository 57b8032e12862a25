import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import type { FileNode } from '../api/node';
import { useUpdateNode } from '../api/update-node';
import { describeError } from '../utils/describe-error';
import { nameProblem, normalizeName, splitExtension } from '../utils/file-name';

/** Renames a file or folder; the name is checked here first, then by the server. */
export function RenameDialog({
  node,
  onClose,
  onRenamed,
}: {
  node: FileNode;
  onClose: () => void;
  onRenamed?: (node: FileNode) => void;
}) {
  const updateNode = useUpdateNode();
  const [name, setName] = useState(node.name);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (updateNode.isPending) {
      return;
    }
    const finalName = normalizeName(name);
    const problem = nameProblem(finalName);
    setFieldError(problem ?? undefined);
    setFormError(null);
    if (problem !== null) {
      return;
    }
    if (finalName === node.name) {
      onClose();
      return;
    }
    updateNode.mutate(
      { id: node.id, name: finalName },
      {
        onSuccess: (renamed) => {
          onRenamed?.(renamed);
          onClose();
        },
        onError: (error) => {
          const message = describeError(error, 'rename', { name: finalName });
          if (error instanceof ApiError && (error.status === 409 || error.status === 400)) {
            setFieldError(error.fieldError('name') ?? message);
          } else {
            setFormError(describeError(error, 'rename', { name: node.name }));
          }
        },
      },
    );
  }

  return (
    <Dialog
      title={node.type === 'folder' ? 'Rename folder' : 'Rename file'}
      onClose={onClose}
      dismissable={!updateNode.isPending}
    >
      <form className="form" onSubmit={handleSubmit} noValidate aria-label="Rename">
        {formError !== null && <Alert kind="error">{formError}</Alert>}
        <TextField
          label="New name"
          value={name}
          error={fieldError}
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => {
            // Like every file manager: the name is selected, the extension is not.
            const [base] = splitExtension(node.name, node.type === 'folder');
            event.target.setSelectionRange(0, base.length);
          }}
          onChange={(event) => {
            setName(event.target.value);
            if (fieldError !== undefined) {
              setFieldError(nameProblem(normalizeName(event.target.value)) ?? undefined);
            }
          }}
        />
        <div className="dialog__footer dialog__footer--inline">
          <Button variant="secondary" onClick={onClose} disabled={updateNode.isPending}>
            Cancel
          </Button>
          <Button type="submit" busy={updateNode.isPending}>
            Rename
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
