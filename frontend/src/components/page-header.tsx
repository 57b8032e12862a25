import type { ReactNode } from 'react';

/** The heading of a page, also used as the document title. */
export function PageHeader({ title, description }: { title: string; description?: ReactNode }) {
  return (
    <header className="page-header">
      <title>{`${title} · Cloud Workspace`}</title>
      <h1 className="page-header__title">{title}</h1>
      {description !== undefined && <p className="page-header__description">{description}</p>}
    </header>
  );
}
