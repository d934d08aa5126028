import type { ReactNode } from 'react';
import { ConsoleGuard } from '@/components/console-guard';

export default function ConsoleLayout({ children }: { children: ReactNode }) {
  return <ConsoleGuard>{children}</ConsoleGuard>;
}
