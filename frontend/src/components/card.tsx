import type { ReactNode } from 'react';

/** A titled panel of a page. */
export function Card({
  title,
  description,
  icon,
  children,
  id,
}: {
  title: string;
  description?: string;
  icon?: ReactNode;
  children: ReactNode;
  id?: string;
}) {
  const headingId = id === undefined ? undefined : `${id}-title`;
  return (
    <section className="card" id={id} aria-labelledby={headingId}>
      <header className="card__header">
        {icon !== undefined && <span className="card__icon">{icon}</span>}
        <div>
          <h2 className="card__title" id={headingId}>
            {title}
          </h2>
          {description !== undefined && <p className="card__description">{description}</p>}
        </div>
      </header>
      <div className="card__body">{children}</div>
    </section>
  );
}
