import type { Metadata } from 'next';
import { CaseDetail } from './case-detail';

export const metadata: Metadata = { title: 'Case' };

export default async function CasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <CaseDetail caseId={decodeURIComponent(id)} />;
}
