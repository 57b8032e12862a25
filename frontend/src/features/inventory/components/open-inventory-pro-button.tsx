import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { useOpenInventoryPro } from '../api/start-sso';
import { errorMessage } from './error-message';
import { useOutage } from './outage';

/** Signs the user in to InventoryPro: gets a one-time ticket and leaves for InventoryPro's login page. */
export function OpenInventoryProButton({ disabled = false }: { disabled?: boolean }) {
  const open = useOpenInventoryPro();
  const panelSaysIt = useOutage(open.error, open.isSuccess);
  return (
    <div className="stack">
      <div>
        <Button
          onClick={() => {
            open.mutate();
          }}
          busy={open.isPending || open.isSuccess}
          disabled={disabled}
        >
          Open InventoryPro
        </Button>
      </div>
      {open.isError && !panelSaysIt && (
        <Alert kind="error" title="Could not open InventoryPro">
          {errorMessage(open.error, 'Opening InventoryPro failed. Try again.')}
        </Alert>
      )}
    </div>
  );
}
