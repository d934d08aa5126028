import type { Metadata } from 'next';
import { LearnedModelCard } from './learned-model-card';
import { LlmProviderCard } from './llm-provider-card';
import { PredictorConfigCard } from './predictor-config-card';
import { PredictorStatusCard } from './predictor-status-card';
import { PredictorTestCard } from './predictor-test-card';
import { PageHeader } from '@/components/ui/page-header';

export const metadata: Metadata = { title: 'Predictors' };

const RULES_STARTER = {
  rules: [{ name: 'Refund requests are billing', field: 'category', value: 'billing', confidence: 0.9, conditions: [{ type: 'containsAny', words: ['refund', 'charged twice'] }] }],
};

export default function PredictorsPage() {
  return (
    <>
      <PageHeader title="Predictors" description="What proposes case field values: an LLM, regular expressions, rules, and a model learned from your own closed cases." />
      <div className="space-y-6">
        <PredictorStatusCard />
        <LlmProviderCard />
        <PredictorTestCard />
        <div className="grid items-start gap-6 xl:grid-cols-2">
          <PredictorConfigCard predictorId="regex" title="Regex predictor" description="Extractors per field: email, phone, reference numbers, amounts, dates or your own pattern." />
          <PredictorConfigCard
            predictorId="rules"
            title="Rules predictor"
            description="Ordered rules: when the text contains…, the sender domain is…, set a field. First match per field wins."
            starter={RULES_STARTER}
          />
        </div>
        <LearnedModelCard />
      </div>
    </>
  );
}
