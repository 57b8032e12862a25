import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { TextField } from '@/components/text-field';
import { ApiError } from '@/lib/api-client';
import { useCreateWorkspace } from '../api/create-workspace';
import type { IdeStatus } from '../api/workspace';

/** Names a new workspace and picks its template. */
export function CreateWorkspaceForm({ status }: { status: IdeStatus | undefined }) {
  const [name, setName] = useState('');
  const [template, setTemplate] = useState('default');
  const create = useCreateWorkspace();
  const fieldError = create.error instanceof ApiError ? create.error.fieldError('name') : undefined;

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { name: name.trim(), template },
      {
        onSuccess: () => {
          setName('');
        },
      },
    );
  };

  return (
    <form className="ide-create" onSubmit={submit} aria-label="New workspace">
      <TextField
        label="Workspace name"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
        }}
        maxLength={64}
        required
        error={fieldError}
        placeholder="e.g. my-project"
      />
      <div className="field">
        <label className="field__label" htmlFor="ide-template">
          Template
        </label>
        <select
          id="ide-template"
          className="field__input"
          value={template}
          onChange={(event) => {
            setTemplate(event.target.value);
          }}
        >
          {(status?.templates ?? [{ name: 'default', image: '' }]).map((t) => (
            <option key={t.name} value={t.name}>
              {t.name === 'default' ? `Default (${t.image})` : t.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" busy={create.isPending} disabled={name.trim() === ''}>
        Create workspace
      </Button>
      {create.error instanceof ApiError && fieldError === undefined && (
        <Alert kind="error" title="The workspace was not created">
          {create.error.userMessage}
        </Alert>
      )}
    </form>
  );
}
