import { PageHeader } from '@/components/page-header';
import { InventoryPanel } from '@/features/inventory/components/inventory-panel';

export function InventoryRoute() {
  return (
    <>
      <PageHeader title="Inventory" description="Items from InventoryPro." />
      <InventoryPanel />
    </>
  );
}
