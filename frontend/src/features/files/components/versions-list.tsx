import { useState } from 'react';
import { Alert } from '@/components/alert';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { DownloadIcon, RestoreIcon, TrashIcon } from '@/components/file-icons';
import { Spinner } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { notify } from '@/lib/notifications';
import { useDeleteVersion } from '../api/delete-version';
import { getVersionContent } from '../api/download-version';
import { useVersions, type FileVersion } from '../api/get-versions';
import type { FileNode } from '../api/node';
import { useRestoreVersion } from '../api/restore-version';
import { describeError } from '../utils/describe-error';
import { formatBytes } from '../utils/format';
import { saveBlob } from '../utils/save-blob';
import { splitExtension } from '../utils/file-name';

/** Earlier contents of a file: download, restore (the current one becomes a version), delete. */
export function VersionsList({ file }: { file: FileNode }) {
  const versions = useVersions(file.id);
  const restoreVersion = useRestoreVersion();
  const deleteVersion = useDeleteVersion();
  const [error, setError] = useState<string | null>(null);
  const [toDelete, setToDelete] = useState<FileVersion | null>(null);
  const [deleteError, setDeleteError] = useState<string | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);

  if (versions.isPending) {
    return <Spinner label="Loading versions" />;
  }
  if (versions.isError) {
    return (
      <Alert kind="error" title="The versions could not be loaded">
        {describeError(versions.error, 'load')}
      </Alert>
    );
  }
  if (versions.data.length === 0) {
    return (
      <p className="panel__empty">
        No earlier versions. When the file is replaced, its previous content is kept here.
      </p>
    );
  }

  function download(version: FileVersion) {
    setDownloading(version.id);
    const [base, extension] = splitExtension(file.name);
    const stamp = version.createdAt.slice(0, 19).replace(/[:T]/g, '-');
    getVersionContent(file.id, version.id)
      .then((blob) => {
        saveBlob(blob, `${base} (${stamp})${extension}`);
      })
      .catch((cause: unknown) => {
        setError(describeError(cause, 'download', { name: file.name }));
      })
      .finally(() => {
        setDownloading(null);
      });
  }

  return (
    <>
      {error !== null && <Alert kind="error">{error}</Alert>}
      <ul className="versions" aria-label="Versions">
        {versions.data.map((version) => {
          const when = formatDateTime(version.createdAt);
          const restoring =
            restoreVersion.isPending && restoreVersion.variables.versionId === version.id;
          return (
            <li key={version.id} className="versions__item">
              <div className="versions__info">
                <p className="versions__date">{when}</p>
                <p className="versions__meta">
                  {formatBytes(version.size)}
                  {version.sha256 !== null && (
                    <span title={`SHA-256 ${version.sha256}`}> · {version.sha256.slice(0, 8)}</span>
                  )}
                </p>
              </div>
              <div className="versions__actions">
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Download version from ${when}`}
                  title="Download"
                  disabled={downloading === version.id}
                  onClick={() => {
                    download(version);
                  }}
                >
                  <DownloadIcon width={18} height={18} />
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Restore version from ${when}`}
                  title="Restore this version"
                  disabled={restoreVersion.isPending}
                  aria-busy={restoring || undefined}
                  onClick={() => {
                    setError(null);
                    restoreVersion.mutate(
                      { fileId: file.id, versionId: version.id },
                      {
                        onSuccess: () => {
                          notify(
                            'success',
                            `Restored the version from ${when}`,
                            'The content it replaced is kept as a version too.',
                          );
                        },
                        onError: (cause) => {
                          setError(describeError(cause, 'version-restore', { name: file.name }));
                        },
                      },
                    );
                  }}
                >
                  {restoring ? <Spinner size="small" /> : <RestoreIcon width={18} height={18} />}
                </button>
                <button
                  type="button"
                  className="icon-button icon-button--danger"
                  aria-label={`Delete version from ${when}`}
                  title="Delete this version"
                  onClick={() => {
                    setDeleteError(null);
                    setToDelete(version);
                  }}
                >
                  <TrashIcon width={18} height={18} />
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      {toDelete !== null && (
        <ConfirmDialog
          title="Delete this version?"
          confirmLabel="Delete version"
          danger
          busy={deleteVersion.isPending}
          error={deleteError}
          onCancel={() => {
            setToDelete(null);
          }}
          onConfirm={() => {
            deleteVersion.mutate(
              { fileId: file.id, versionId: toDelete.id },
              {
                onSuccess: () => {
                  setToDelete(null);
                },
                onError: (cause) => {
                  setDeleteError(describeError(cause, 'version-delete', { name: file.name }));
                },
              },
            );
          }}
        >
          <p>
            The version of “{file.name}” from {formatDateTime(toDelete.createdAt)} (
            {formatBytes(toDelete.size)}) will be deleted for good.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
