import type { Metadata } from 'next';
import { ArcRuleEditor } from '../arc-rule-editor';

export const metadata: Metadata = { title: 'ARC rule' };

export default async function ArcRulePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <ArcRuleEditor ruleId={id === 'new' ? null : id} />;
}
