import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { PageHeader } from '@/components/page-header';
import './admin.css';

/** One page of the admin console: its path under /admin and its tab label. */
export interface AdminPage {
  to: string;
  label: string;
}

/** The admin console's frame: a heading and one tab per page. */
export function AdminLayout({
  pages,
  children,
}: {
  pages: readonly AdminPage[];
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader
        title="Administration"
        description="Users, sessions, audit log, settings and status."
      />
      <nav className="admin-tabs" aria-label="Administration">
        {pages.map((page) => (
          <NavLink
            key={page.to}
            to={page.to}
            className={({ isActive }) =>
              isActive ? 'admin-tabs__link admin-tabs__link--active' : 'admin-tabs__link'
            }
          >
            {page.label}
          </NavLink>
        ))}
      </nav>
      {children}
    </>
  );
}
