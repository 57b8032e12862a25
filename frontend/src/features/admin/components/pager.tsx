import { Button } from '@/components/button';

/** "51–100 of 230" with previous and next buttons. */
export function Pager({
  page,
  size,
  total,
  onPage,
  busy = false,
}: {
  page: number;
  size: number;
  total: number;
  onPage: (page: number) => void;
  busy?: boolean;
}) {
  const first = total === 0 ? 0 : page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return (
    <div className="admin-pager">
      <span className="muted" role="status">
        {total === 0 ? 'Nothing found' : `${first}–${last} of ${total.toLocaleString()}`}
      </span>
      <div className="admin-pager__buttons">
        <Button
          variant="secondary"
          disabled={page === 0 || busy}
          onClick={() => {
            onPage(page - 1);
          }}
        >
          Previous
        </Button>
        <Button
          variant="secondary"
          disabled={last >= total || busy}
          onClick={() => {
            onPage(page + 1);
          }}
        >
          Next
        </Button>
      </div>
    </div>
  );
}
