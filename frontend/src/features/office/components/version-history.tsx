import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { notify } from '@/lib/notifications';
import { useRestoreVersion, useVersions } from '../api/versions';

function formatTime(iso: string): string {
  return new Date(iso).toLocaleString();
}

function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The earlier versions of a file, newest first, each restorable (the current content is kept). */
export function VersionHistory({
  fileId,
  disabledReason,
  onRestored,
}: {
  fileId: string;
  /** Why restoring is not possible right now (e.g. unsaved edits). */
  disabledReason?: string | undefined;
  onRestored: () => void;
}) {
  const versions = useVersions(fileId);
  const restore = useRestoreVersion();
  return (
    <section className="office-versions" aria-label="Versions">
      <h2 className="office-versions__title">Versions</h2>
      <p className="office-versions__hint">
        Every save keeps the previous content. Restoring a version keeps the current one too.
      </p>
      {versions.isPending && <Spinner label="Loading versions…" />}
      {versions.isError && (
        <Alert kind="error" title="Versions could not be loaded">
          {versions.error.message}
        </Alert>
      )}
      {versions.data?.length === 0 && <p>No earlier versions yet.</p>}
      {disabledReason !== undefined && (versions.data?.length ?? 0) > 0 && (
        <p className="office-versions__hint">{disabledReason}</p>
      )}
      <ol className="office-versions__list">
        {versions.data?.map((version) => (
          <li key={version.id} className="office-versions__item">
            <span>
              {formatTime(version.createdAt)} · {formatSize(version.size)}
            </span>
            <Button
              variant="secondary"
              disabled={disabledReason !== undefined}
              busy={restore.isPending && restore.variables.versionId === version.id}
              onClick={() => {
                restore.mutate(
                  { fileId, versionId: version.id },
                  {
                    onSuccess: () => {
                      notify('success', 'Version restored');
                      onRestored();
                    },
                    onError: (error) => {
                      notify('error', 'Not restored', error.message);
                    },
                  },
                );
              }}
            >
              Restore
            </Button>
          </li>
        ))}
      </ol>
    </section>
  );
}
