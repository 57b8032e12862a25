import type { NavItem } from '@/components/layout/app-shell';
import { HomeIcon, UserIcon } from '@/components/icons';

interface AppNavItem extends NavItem {
  /** Only these roles see the entry; everyone does when absent. */
  roles?: readonly string[];
}

/** The sidebar. Features add their entry here when their route lands. */
export const navigation: readonly AppNavItem[] = [
  { to: '/', label: 'Home', icon: HomeIcon, end: true },
  { to: '/profile', label: 'Profile', icon: UserIcon },
];

export function navigationFor(role: string): NavItem[] {
  return navigation.filter((item) => item.roles === undefined || item.roles.includes(role));
}
