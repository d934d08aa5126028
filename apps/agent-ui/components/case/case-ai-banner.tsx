import type { FieldDefinition } from '@autocase/core';

function SparkIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-5 shrink-0 text-violet-600">
      <path d="M10 1.5l1.9 4.6 4.6 1.9-4.6 1.9L10 14.5l-1.9-4.6L3.5 8l4.6-1.9L10 1.5zm5.5 11l.9 2.1 2.1.9-2.1.9-.9 2.1-.9-2.1-2.1-.9 2.1-.9.9-2.1z" />
    </svg>
  );
}

function labelsOf(keys: string[], fields: FieldDefinition[]): string {
  return keys.map((key) => fields.find((field) => field.key === key)?.label ?? key).join(', ');
}

/** "These fields were modified using AI", with what the last update changed. */
export function CaseAiBanner({ aiKeys, justChanged, fields }: { aiKeys: string[]; justChanged: string[]; fields: FieldDefinition[] }) {
  if (aiKeys.length === 0 && justChanged.length === 0) return null;
  return (
    <div role="status" data-testid="ai-banner" className="flex items-start gap-3 rounded-lg border border-violet-200 bg-violet-50 px-4 py-3 text-sm text-violet-900">
      <SparkIcon />
      <div className="min-w-0">
        <p className="font-semibold">These fields were modified using AI</p>
        <p className="mt-0.5 text-violet-800">
          {justChanged.length > 0 ? (
            <>
              Just updated from the conversation: <span className="font-medium">{labelsOf(justChanged, fields)}</span>.
            </>
          ) : (
            <>
              Filled by AI: <span className="font-medium">{labelsOf(aiKeys, fields)}</span>.
            </>
          )}{' '}
          Hover or focus a highlighted field to see its confidence and evidence.
        </p>
      </div>
    </div>
  );
}
