import type { ComponentType, ReactNode } from 'react';
import { NavLink } from 'react-router';
import { Button } from '@/components/button';
import { SignOutIcon, type IconProps } from '@/components/icons';
import { Logo } from '@/components/logo';
import { initialsOf } from '@/lib/format';

/** One entry of the sidebar. */
export interface NavItem {
  to: string;
  label: string;
  icon: ComponentType<IconProps>;
  /** Match the path exactly (for "/"). */
  end?: boolean;
}

interface AppShellProps {
  navigation: NavItem[];
  user: { name: string; detail: string };
  onSignOut: () => void;
  signingOut: boolean;
  children: ReactNode;
}

/** The signed-in frame: top bar with the user, sidebar navigation, and the page. */
export function AppShell({ navigation, user, onSignOut, signingOut, children }: AppShellProps) {
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <NavLink to="/" className="topbar__brand" aria-label="Cloud Workspace home">
          <Logo />
        </NavLink>
        <div className="topbar__user" data-testid="user-menu">
          <span className="avatar" aria-hidden="true">
            {initialsOf(user.name)}
          </span>
          <span className="topbar__identity">
            <span className="topbar__name" data-testid="user-display-name">
              {user.name}
            </span>
            <span className="topbar__detail">{user.detail}</span>
          </span>
          <Button variant="ghost" onClick={onSignOut} busy={signingOut}>
            {!signingOut && <SignOutIcon width={18} height={18} />}
            Sign out
          </Button>
        </div>
      </header>
      <nav className="sidebar" aria-label="Main">
        <ul className="sidebar__list">
          {navigation.map((item) => (
            <li key={item.to}>
              <NavLink
                to={item.to}
                end={item.end ?? false}
                className={({ isActive }) =>
                  isActive ? 'sidebar__link sidebar__link--active' : 'sidebar__link'
                }
              >
                <item.icon />
                <span>{item.label}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main className="content" id="main" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
