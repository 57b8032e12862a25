import type { NavItem } from '@/components/layout/app-shell';
import { FolderIcon } from '@/components/file-icons';
import { HomeIcon, ShieldIcon, UserIcon } from '@/components/icons';
import { CodeIcon } from '@/features/ide/components/ide-icons';
import { BoxIcon } from '@/features/inventory/components/box-icon';
import { MailIcon } from '@/features/mail/components/mail-icon';

interface AppNavItem extends NavItem {
  /** Only these roles see the entry; everyone does when absent. */
  roles?: readonly string[];
}

/** The sidebar. Features add their entry here when their route lands. */
export const navigation: readonly AppNavItem[] = [
  { to: '/', label: 'Home', icon: HomeIcon, end: true },
  { to: '/files', label: 'Files', icon: FolderIcon },
  { to: '/inventory', label: 'Inventory', icon: BoxIcon },
  { to: '/mail', label: 'Mail', icon: MailIcon },
  { to: '/ide', label: 'IDE', icon: CodeIcon },
  { to: '/profile', label: 'Profile', icon: UserIcon },
  { to: '/admin', label: 'Admin', icon: ShieldIcon, roles: ['admin'] },
];

export function navigationFor(role: string): NavItem[] {
  return navigation.filter((item) => item.roles === undefined || item.roles.includes(role));
}
