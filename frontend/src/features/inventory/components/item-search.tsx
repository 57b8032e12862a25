import { useState, type SubmitEvent } from 'react';
import { Alert } from '@/components/alert';
import { Button } from '@/components/button';
import { Spinner } from '@/components/spinner';
import { TextField } from '@/components/text-field';
import { SEARCH_MAX_LENGTH, useSearchItems } from '../api/search-items';
import { errorMessage } from './error-message';
import { useOutage } from './outage';

/** Searches InventoryPro's items and lists the matches; choosing one shows its details. */
export function ItemSearch({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const [text, setText] = useState('');
  const [query, setQuery] = useState<string | null>(null);
  const search = useSearchItems(query);
  const panelSaysIt = useOutage(search.error, search.isSuccess);

  function handleSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(text.trim());
  }

  return (
    <div className="stack">
      <form className="form" role="search" aria-label="Item search" onSubmit={handleSubmit}>
        <TextField
          label="Search items"
          name="q"
          type="search"
          value={text}
          maxLength={SEARCH_MAX_LENGTH}
          hint="Name, SKU or location. Leave empty to list everything."
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
        <div className="form__actions">
          <Button type="submit" busy={search.isFetching}>
            Search
          </Button>
        </div>
      </form>
      {search.isFetching && search.data === undefined && <Spinner />}
      {search.isError && !panelSaysIt && (
        <Alert kind="error" title="Search failed">
          {errorMessage(search.error, 'Searching InventoryPro failed. Try again.')}
        </Alert>
      )}
      {search.data !== undefined && !search.isError && (
        <>
          <p className="muted" role="status">
            {search.data.total === 1 ? '1 item found' : `${search.data.total} items found`}
          </p>
          <ul className="inventory-results" aria-label="Search results">
            {search.data.items.map((item) => (
              <li key={item.id}>
                <Button
                  variant={item.id === selectedId ? 'secondary' : 'ghost'}
                  aria-pressed={item.id === selectedId}
                  onClick={() => {
                    onSelect(item.id);
                  }}
                >
                  {item.name}
                  {item.sku !== undefined && item.sku !== null && ` · ${item.sku}`}
                </Button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
