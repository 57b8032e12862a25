import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Dialog } from '@/components/dialog';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import { useCreateFolder } from '../api/create-folder';
import type { FileNode } from '../api/node';
import { describeError } from '../utils/describe-error';
import { nameProblem, normalizeName } from '../utils/file-name';

/** Asks for a name and creates the folder; a taken or refused name is shown at the field. */
export function NewFolderDialog({
  parentId,
  parentName,
  onClose,
  onCreated,
}: {
  parentId: string;
  parentName: string;
  onClose: () => void;
  onCreated: (folder: FileNode) => void;
}) {
  const createFolder = useCreateFolder();
  const [name, setName] = useState('New folder');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [formError, setFormError] = useState<string | null>(null);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    if (createFolder.isPending) {
      return;
    }
    const finalName = normalizeName(name);
    const problem = nameProblem(finalName);
    setFieldError(problem ?? undefined);
    setFormError(null);
    if (problem !== null) {
      return;
    }
    createFolder.mutate(
      { parentId, name: finalName },
      {
        onSuccess: (folder) => {
          onCreated(folder);
          onClose();
        },
        onError: (error) => {
          const message = describeError(error, 'create-folder', {
            name: finalName,
            destination: parentName,
          });
          if (error instanceof ApiError && (error.status === 409 || error.status === 400)) {
            setFieldError(error.fieldError('name') ?? message);
          } else {
            setFormError(message);
          }
        },
      },
    );
  }

  return (
    <Dialog
      title="New folder"
      description={`In “${parentName}”`}
      onClose={onClose}
      dismissable={!createFolder.isPending}
    >
      <form className="form" onSubmit={handleSubmit} noValidate aria-label="New folder">
        {formError !== null && <Alert kind="error">{formError}</Alert>}
        <TextField
          label="Folder name"
          value={name}
          error={fieldError}
          autoComplete="off"
          spellCheck={false}
          onFocus={(event) => {
            event.target.select();
          }}
          onChange={(event) => {
            setName(event.target.value);
            if (fieldError !== undefined) {
              setFieldError(nameProblem(normalizeName(event.target.value)) ?? undefined);
            }
          }}
        />
        <div className="dialog__footer dialog__footer--inline">
          <Button variant="secondary" onClick={onClose} disabled={createFolder.isPending}>
            Cancel
          </Button>
          <Button type="submit" busy={createFolder.isPending}>
            Create folder
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
