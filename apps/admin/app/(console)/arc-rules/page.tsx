import type { Metadata } from 'next';
import { ArcRuleList } from './arc-rule-list';

export const metadata: Metadata = { title: 'ARC rules' };

export default function ArcRulesPage() {
  return <ArcRuleList />;
}
