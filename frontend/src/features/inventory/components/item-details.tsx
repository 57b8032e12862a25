import { useState } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { useAttachFile } from '../api/attach-file';
import { useItem } from '../api/get-item';
import { errorMessage } from './error-message';
import { useOutage } from './outage';
import { FilePicker } from './file-picker';

/** One item's details and attachments, and attaching one of the user's files to it. */
export function ItemDetails({ id }: { id: string }) {
  const item = useItem(id);
  const attach = useAttachFile(id);
  const [picking, setPicking] = useState(false);
  const [attached, setAttached] = useState<string | null>(null);
  const itemOutage = useOutage(item.error, item.isSuccess);
  const attachOutage = useOutage(attach.error, attach.isSuccess);

  if (item.isPending) {
    return <Spinner />;
  }
  if (item.isError) {
    if (itemOutage) {
      return null;
    }
    return (
      <Alert kind="error" title="Item not available">
        {errorMessage(item.error, 'The item could not be loaded.')}
      </Alert>
    );
  }
  const data = item.data;
  return (
    <article className="stack" aria-label={`Item ${data.name}`}>
      <h3>{data.name}</h3>
      <dl className="description-list">
        {data.sku != null && (
          <>
            <dt>SKU</dt>
            <dd>{data.sku}</dd>
          </>
        )}
        {data.quantity != null && (
          <>
            <dt>Quantity</dt>
            <dd>{data.quantity}</dd>
          </>
        )}
        {data.location != null && (
          <>
            <dt>Location</dt>
            <dd>{data.location}</dd>
          </>
        )}
        {data.description != null && (
          <>
            <dt>Description</dt>
            <dd>{data.description}</dd>
          </>
        )}
      </dl>
      <h4>Attachments</h4>
      {(data.attachments ?? []).length === 0 ? (
        <p className="muted">No attachments yet.</p>
      ) : (
        <ul aria-label="Attachments">
          {(data.attachments ?? []).map((attachment) => (
            <li key={attachment.id}>{attachment.filename}</li>
          ))}
        </ul>
      )}
      {attached !== null && (
        <Alert kind="success">
          {attached} was attached to {data.name}.
        </Alert>
      )}
      {attach.isError && !attachOutage && (
        <Alert kind="error" title="Attaching failed">
          {errorMessage(attach.error, 'The file could not be attached. Try again.')}
        </Alert>
      )}
      {picking ? (
        <FilePicker
          busy={attach.isPending}
          onCancel={() => {
            setPicking(false);
          }}
          onPick={(file) => {
            setAttached(null);
            attach.mutate(file.id, {
              onSuccess: () => {
                setAttached(file.name);
                setPicking(false);
              },
            });
          }}
        />
      ) : (
        <div>
          <Button
            variant="secondary"
            onClick={() => {
              attach.reset();
              setPicking(true);
            }}
          >
            Attach a file
          </Button>
        </div>
      )}
      {attach.isPending && <Spinner />}
    </article>
  );
}
