import type { ReactNode } from 'react';

export interface Description {
  term: string;
  description: ReactNode;
}

/** Label/value pairs, such as the facts of an account. */
export function DescriptionList({ items }: { items: Description[] }) {
  return (
    <dl className="description-list">
      {items.map((item) => (
        <div className="description-list__row" key={item.term}>
          <dt>{item.term}</dt>
          <dd>{item.description}</dd>
        </div>
      ))}
    </dl>
  );
}
