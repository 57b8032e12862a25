import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { notify } from '@/lib/notifications';
import { PAGE_SIZE, useFailedSaves, useRetryFailedSave } from '../api/failed-saves';
import './office.css';

const statusNames: Record<number, string> = {
  2: 'final save',
  3: 'final save (server error)',
  6: 'force save',
  7: 'force save (server error)',
};

/**
 * For admins: every document change the Document Server delivered that is not stored yet, why,
 * and a retry that downloads it from the Document Server again.
 */
export function FailedSavesAdmin() {
  const [page, setPage] = useState(0);
  const saves = useFailedSaves(page);
  const retry = useRetryFailedSave();

  return (
    <section className="office-admin" aria-label="Document changes not yet saved">
      <p>
        A change shows up here when the app could not store what the Document Server delivered
        (storage full, Document Server unreachable, a refused download address…). The Document
        Server keeps such changes and retries; a retry here fetches the change again now.
      </p>
      {saves.isPending && <Spinner label="Loading…" />}
      {saves.isError && (
        <Alert kind="error" title="The list could not be loaded">
          {saves.error.message}
        </Alert>
      )}
      {saves.data?.total === 0 && (
        <Alert kind="success" title="Nothing waiting">
          Every document change has been saved.
        </Alert>
      )}
      {saves.data !== undefined && saves.data.items.length > 0 && (
        <table className="office-admin__table">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Kind</th>
              <th scope="col">State</th>
              <th scope="col">Attempts</th>
              <th scope="col">Last error</th>
              <th scope="col">Since</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {saves.data.items.map((item) => (
              <tr key={item.id}>
                <td>{item.fileName}</td>
                <td>{statusNames[item.callbackStatus] ?? `status ${item.callbackStatus}`}</td>
                <td>{item.state}</td>
                <td>{item.attempts}</td>
                <td>{item.lastError ?? '—'}</td>
                <td>{new Date(item.createdAt).toLocaleString()}</td>
                <td>
                  <Button
                    variant="secondary"
                    busy={retry.isPending && retry.variables === item.id}
                    onClick={() => {
                      retry.mutate(item.id, {
                        onSuccess: (result) => {
                          if (result.state === 'saved') {
                            notify('success', `Saved the change to “${result.fileName}”`);
                          } else {
                            notify('error', 'Still not saved', result.lastError ?? undefined);
                          }
                        },
                        onError: (error) => {
                          notify('error', 'Retry failed', error.message);
                        },
                      });
                    }}
                  >
                    Retry
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {saves.data !== undefined && saves.data.total > PAGE_SIZE && (
        <div className="office-admin__pages">
          <Button
            variant="secondary"
            disabled={page === 0}
            onClick={() => {
              setPage((p) => p - 1);
            }}
          >
            Previous
          </Button>
          <span>
            Page {page + 1} of {Math.ceil(saves.data.total / PAGE_SIZE)}
          </span>
          <Button
            variant="secondary"
            disabled={(page + 1) * PAGE_SIZE >= saves.data.total}
            onClick={() => {
              setPage((p) => p + 1);
            }}
          >
            Next
          </Button>
        </div>
      )}
    </section>
  );
}
