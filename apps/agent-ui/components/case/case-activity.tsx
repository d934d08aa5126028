'use client';

import type { FieldDefinition } from '@autocase/core';
import { useEffect, useRef, useState } from 'react';
import { Tabs, tabPanelProps } from '../ui/tabs';
import { CaseHistory } from './case-history';
import { CaseTimeline } from './case-timeline';
import type { AuditEntry, Note, PagedList } from '@/lib/case-types';
import { useApiResource } from '@/lib/use-api-resource';

/** Timeline (notes, including the chat summary) and the audit history of every field change. */
export function CaseActivity({ caseId, fields, version }: { caseId: string; fields: FieldDefinition[]; version: number }) {
  const [tab, setTab] = useState('timeline');
  const notes = useApiResource<PagedList<Note> | Note[]>(`/cases/${encodeURIComponent(caseId)}/notes`);
  const audit = useApiResource<PagedList<AuditEntry> | AuditEntry[]>(`/cases/${encodeURIComponent(caseId)}/audit`);
  const seen = useRef(version);
  const { reload: reloadNotes } = notes;
  const { reload: reloadAudit } = audit;
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    reloadNotes();
    reloadAudit();
  }, [version, reloadNotes, reloadAudit]);
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
        ]}
      />
      <div {...tabPanelProps(prefix, tab)} className="pt-4 focus:outline-none">
        {tab === 'timeline' ? <CaseTimeline caseId={caseId} resource={notes} /> : <CaseHistory resource={audit} fields={fields} />}
      </div>
    </section>
  );
}
