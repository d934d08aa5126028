import type { ReactNode } from 'react';
import { WorkspaceGuard } from '@/components/workspace-guard';

export default function WorkspaceLayout({ children }: { children: ReactNode }) {
  return <WorkspaceGuard>{children}</WorkspaceGuard>;
}
