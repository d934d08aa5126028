import type { NavIconName } from './nav-icons';

export interface NavItem {
  href: string;
  label: string;
  icon: NavIconName;
  /** Other path prefixes that belong to this section (e.g. a conversation opened from the inbox). */
  also?: string[];
}

export const WORKSPACE_NAV: NavItem[] = [
  { href: '/inbox', label: 'Inbox', icon: 'inbox', also: ['/conversations'] },
  { href: '/cases', label: 'Cases', icon: 'cases' },
];
