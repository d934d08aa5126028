import type { Metadata } from 'next';
import { FieldsWorkspace } from './fields-workspace';

export const metadata: Metadata = { title: 'Case fields for AI' };

export default function FieldsPage() {
  return <FieldsWorkspace />;
}
