import { ChevronRightIcon, FolderFilledIcon } from '@/components/file-icons';
import { Spinner } from '@/components/spinner';
import { Alert } from '@/components/alert';
import { useSubfolders } from '../api/get-subfolders';
import type { FileNode } from '../api/node';
import { describeError } from '../utils/describe-error';

/**
 * Browses folders to pick a destination: the folder shown is the one picked. Folders that are
 * being moved cannot be entered (nothing moves into itself).
 */
export function FolderPicker({
  folderId,
  onNavigate,
  blockedIds = [],
}: {
  folderId: string;
  onNavigate: (folderId: string) => void;
  blockedIds?: readonly string[];
}) {
  const subfolders = useSubfolders(folderId);

  if (subfolders.isPending) {
    return (
      <div className="folder-picker folder-picker--loading">
        <Spinner label="Loading folders" />
      </div>
    );
  }
  if (subfolders.isError) {
    return (
      <Alert kind="error" title="The folders could not be loaded">
        {describeError(subfolders.error, 'load')}
      </Alert>
    );
  }
  const { path, folders } = subfolders.data;
  return (
    <div className="folder-picker">
      <nav aria-label="Destination path">
        <ol className="folder-picker__path">
          {path.map((node, index) => {
            const label = index === 0 ? 'All files' : node.name;
            const current = index === path.length - 1;
            return (
              <li key={node.id}>
                {index > 0 && <ChevronRightIcon width={14} height={14} />}
                {current ? (
                  <span aria-current="location">{label}</span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      onNavigate(node.id);
                    }}
                  >
                    {label}
                  </button>
                )}
              </li>
            );
          })}
        </ol>
      </nav>
      {folders.length === 0 ? (
        <p className="folder-picker__empty">No folders inside.</p>
      ) : (
        <ul className="folder-picker__list" aria-label="Folders">
          {folders.map((folder: FileNode) => {
            const blocked = blockedIds.includes(folder.id);
            return (
              <li key={folder.id}>
                <button
                  type="button"
                  className="folder-picker__item"
                  disabled={blocked}
                  title={blocked ? 'A folder cannot go into itself' : undefined}
                  onClick={() => {
                    onNavigate(folder.id);
                  }}
                >
                  <FolderFilledIcon className="file-name__icon--folder" width={20} height={20} />
                  <span>{folder.name}</span>
                  <ChevronRightIcon className="folder-picker__chevron" width={16} height={16} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** The folder a picker shows, once loaded (for the confirm button's label). */
export function usePickedFolder(
  folderId: string,
): { id: string; name: string; isRoot: boolean } | null {
  const subfolders = useSubfolders(folderId);
  if (subfolders.data === undefined) {
    return null;
  }
  const { folder, path } = subfolders.data;
  const isRoot = path.length <= 1;
  return { id: folder.id, name: isRoot ? 'All files' : folder.name, isRoot };
}
