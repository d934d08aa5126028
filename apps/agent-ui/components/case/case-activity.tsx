'use client';

import type { FieldDefinition } from '@autocase/core';
import { useEffect, useRef, useState } from 'react';
import { Tabs, tabPanelProps } from '../ui/tabs';
import { CaseHistory } from './case-history';
import { CasePredictionLog } from './case-prediction-log';
import { CaseTimeline } from './case-timeline';
import type { AuditEntry, Note, OutboundEmailView, PagedList } from '@/lib/case-types';
import { listItems } from '@/lib/list-items';
import { predictionLogPath, type PredictionLogEntryView } from '@/lib/prediction-log';
import { useApiResource } from '@/lib/use-api-resource';

/** Timeline (notes, including the chat summary), the audit history of every field change and the AI's prediction log. */
export function CaseActivity({ caseId, fields, version }: { caseId: string; fields: FieldDefinition[]; version: number }) {
  const [tab, setTab] = useState('timeline');
  const notes = useApiResource<PagedList<Note> | Note[]>(`/cases/${encodeURIComponent(caseId)}/notes`);
  const outbound = useApiResource<PagedList<OutboundEmailView>>(`/cases/${encodeURIComponent(caseId)}/outbound-emails`);
  const audit = useApiResource<PagedList<AuditEntry> | AuditEntry[]>(`/cases/${encodeURIComponent(caseId)}/audit`);
  const predictions = useApiResource<PagedList<PredictionLogEntryView>>(tab === 'ai-log' ? predictionLogPath(caseId) : null);
  const seen = useRef(version);
  const { reload: reloadNotes } = notes;
  const { reload: reloadAudit } = audit;
  const { reload: reloadOutbound } = outbound;
  const { reload: reloadPredictions } = predictions;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reloadNotes();
    reloadAudit();
    reloadOutbound();
    reloadPredictions();
  }, [version, reloadNotes, reloadAudit, reloadOutbound, reloadPredictions]);
  const prefix = `activity-${caseId}`;
  return (
    <section aria-label="Case activity" className="pt-2">
      <Tabs
        label="Case activity"
        idPrefix={prefix}
        selected={tab}
        onSelect={setTab}
        tabs={[
          { id: 'timeline', label: 'Timeline' },
          { id: 'history', label: 'History' },
          { id: 'ai-log', label: 'AI log' },
        ]}
      />
      <div {...tabPanelProps(prefix, tab)} className="pt-4 focus:outline-none">
        {tab === 'timeline' && <CaseTimeline caseId={caseId} resource={notes} sent={listItems(outbound.data)} />}
        {tab === 'history' && <CaseHistory resource={audit} fields={fields} />}
        {tab === 'ai-log' && <CasePredictionLog resource={predictions} fields={fields} />}
      </div>
    </section>
  );
}
