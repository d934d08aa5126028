import type { NavIconName } from './nav-icons';

export interface NavItem {
  href: string;
  label: string;
  icon: NavIconName;
}

export interface NavGroup {
  label: string;
  items: NavItem[];
}

export const CONSOLE_NAV: NavGroup[] = [
  {
    label: 'Configure',
    items: [
      { href: '/fields', label: 'Case fields for AI', icon: 'fields' },
      { href: '/arc-rules', label: 'ARC rules', icon: 'rules' },
      { href: '/mailboxes', label: 'Mailboxes', icon: 'mailboxes' },
      { href: '/settings', label: 'Agent settings', icon: 'settings' },
      { href: '/predictors', label: 'Predictors', icon: 'predictors' },
    ],
  },
  {
    label: 'Monitor',
    items: [
      { href: '/emails', label: 'Email activity', icon: 'emails' },
      { href: '/backtest', label: 'Backtest', icon: 'backtest' },
      { href: '/queues', label: 'Queues', icon: 'queues' },
      { href: '/audit', label: 'Audit log', icon: 'audit' },
    ],
  },
  {
    label: 'Team',
    items: [{ href: '/users', label: 'Users', icon: 'users' }],
  },
];
