import { useMemo, useState } from 'react';
import { Alert } from '@/components/alert';
import { Card } from '@/components/card';
import { Spinner } from '@/components/spinner';
import { useInventoryStatus } from '../api/get-status';
import { errorMessage } from './error-message';
import { OutageContext, type OutageReporter } from './outage';
import { ItemDetails } from './item-details';
import { ItemSearch } from './item-search';
import { OpenInventoryProButton } from './open-inventory-pro-button';

/** The Inventory page: sign-on into InventoryPro, item search, details and attachments. */
export function InventoryPanel() {
  const status = useInventoryStatus();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [outage, setOutage] = useState<string | null>(null);
  const reporter = useMemo<OutageReporter>(
    () => ({
      report: (error) => {
        setOutage(error.userMessage);
      },
      clear: () => {
        setOutage(null);
      },
    }),
    [],
  );

  if (status.isPending) {
    return <Spinner />;
  }
  if (status.isError) {
    return (
      <Alert kind="error">
        {errorMessage(status.error, 'The Inventory panel could not be loaded.')}
      </Alert>
    );
  }
  if (!status.data.configured) {
    return (
      <div className="stack" aria-disabled="true">
        <Alert kind="info" title="InventoryPro is not configured">
          An administrator can connect InventoryPro to this workspace; until then this panel is off.
        </Alert>
        <OpenInventoryProButton disabled />
      </div>
    );
  }
  return (
    <OutageContext.Provider value={reporter}>
      <div className="stack">
        {outage !== null && (
          <Alert kind="error" title="InventoryPro is not reachable">
            {outage} The rest of the workspace works as usual.
          </Alert>
        )}
        <Card title="InventoryPro" description="Open InventoryPro, signed in as you.">
          <OpenInventoryProButton />
        </Card>
        <Card
          title="Items"
          description="Search InventoryPro's items and attach your files to them."
        >
          <ItemSearch selectedId={selectedId} onSelect={setSelectedId} />
          {selectedId !== null && <ItemDetails key={selectedId} id={selectedId} />}
        </Card>
      </div>
    </OutageContext.Provider>
  );
}
