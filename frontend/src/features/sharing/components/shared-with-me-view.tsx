import { Link } from 'react-router';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { FileIcon, FolderIcon } from '@/components/file-icons';
import { Spinner } from '@/components/spinner';
import { formatDateTime } from '@/lib/format';
import { notify } from '@/lib/notifications';
import { useIncomingShares, useLeaveShare } from '../api/incoming';
import { messageOf } from '../utils/errors';
import { formatSize } from '../utils/format';
import { sharingPaths } from '../utils/paths';

/** "Shared with me": what other users share with the signed-in user. */
export function SharedWithMeView() {
  const shares = useIncomingShares();
  const leave = useLeaveShare();
  return (
    <section className="files-view">
      <title>Shared with me · Cloud Workspace</title>
      <header className="files-view__header">
        <h1 className="files-view__title">Shared with me</h1>
      </header>
      {shares.isPending ? (
        <Spinner label="Loading what is shared with you" />
      ) : shares.isError ? (
        <Alert kind="error" title="The shares could not be loaded">
          {messageOf(shares.error, 'Try again.')}
        </Alert>
      ) : shares.data.length === 0 ? (
        <div className="empty-state">
          <p className="empty-state__title">Nothing is shared with you yet</p>
          <p className="empty-state__text">
            When someone shares a file or folder with you, it shows up here.
          </p>
        </div>
      ) : (
        <div className="file-table-wrap">
          <table className="file-table" aria-label="Shared with me">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Shared by</th>
                <th scope="col">Access</th>
                <th scope="col" className="file-table__size">
                  Size
                </th>
                <th scope="col">Shared</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shares.data.map((share) => (
                <tr key={share.id} className="file-row">
                  <td className="file-table__name">
                    <div className="file-name">
                      {share.node.type === 'folder' ? (
                        <FolderIcon width={20} height={20} />
                      ) : (
                        <FileIcon width={20} height={20} />
                      )}
                      <Link className="file-name__link" to={sharingPaths.sharedFolder(share.id)}>
                        {share.node.name}
                      </Link>
                    </div>
                  </td>
                  <td>{share.owner.displayName ?? share.owner.username}</td>
                  <td>{share.permission === 'read-write' ? 'Can edit' : 'Can view'}</td>
                  <td className="file-table__size">
                    {share.node.type === 'folder' ? '—' : formatSize(share.node.size)}
                  </td>
                  <td>
                    <time dateTime={share.sharedAt}>{formatDateTime(share.sharedAt)}</time>
                  </td>
                  <td>
                    <Button
                      variant="ghost"
                      aria-label={`Leave the share of ${share.node.name}`}
                      onClick={() => {
                        leave.mutate(
                          { shareId: share.id },
                          {
                            onError: (error) => {
                              notify('error', 'Not left', messageOf(error, 'Try again.'));
                            },
                          },
                        );
                      }}
                    >
                      Leave
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
