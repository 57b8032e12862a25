import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { ROOT_FOLDER, usePickerFolder, type PickerNode } from '../api/browse-files';
import { errorMessage } from './error-message';

/** Browses the user's Files, folder by folder, to choose one file. */
export function FilePicker({
  onPick,
  onCancel,
  busy,
}: {
  onPick: (file: PickerNode) => void;
  onCancel: () => void;
  busy: boolean;
}) {
  const [folderId, setFolderId] = useState(ROOT_FOLDER);
  const folder = usePickerFolder(folderId);

  return (
    <section className="stack" aria-label="Choose a file">
      {folder.isPending && <Spinner />}
      {folder.isError && (
        <Alert kind="error">{errorMessage(folder.error, 'Your files could not be loaded.')}</Alert>
      )}
      {folder.data !== undefined && (
        <>
          <nav aria-label="Folder path" className="inventory-breadcrumbs">
            {folder.data.breadcrumbs.map((crumb) => (
              <Button
                key={crumb.id}
                variant="ghost"
                onClick={() => {
                  setFolderId(crumb.id);
                }}
              >
                {crumb.name === '' ? 'Files' : crumb.name}
              </Button>
            ))}
          </nav>
          {folder.data.items.length === 0 && <p className="muted">This folder is empty.</p>}
          <ul className="inventory-files" aria-label="Files">
            {folder.data.items.map((node) => (
              <li key={node.id}>
                {node.type === 'folder' ? (
                  <Button
                    variant="ghost"
                    onClick={() => {
                      setFolderId(node.id);
                    }}
                  >
                    {node.name}/
                  </Button>
                ) : (
                  <Button
                    variant="secondary"
                    disabled={busy}
                    aria-label={`Attach ${node.name}`}
                    onClick={() => {
                      onPick(node);
                    }}
                  >
                    {node.name}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      <div>
        <Button variant="ghost" onClick={onCancel} disabled={busy}>
          Cancel
        </Button>
      </div>
    </section>
  );
}
