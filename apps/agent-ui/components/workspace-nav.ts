import type { NavIconName } from './nav-icons';

export interface NavItem {
  href: string;
  label: string;
  icon: NavIconName;
}

export const WORKSPACE_NAV: NavItem[] = [
  { href: '/inbox', label: 'Inbox', icon: 'inbox' },
  { href: '/cases', label: 'Cases', icon: 'cases' },
];
