'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { plainErrorMessage } from '@/lib/plain-error';
import { ApiError, api } from '@/lib/api-client';

interface TestResult {
  ok: boolean;
  message?: string;
}

/** Asks the API to connect with the settings as typed (the stored password is used when the field is blank). */
export function ConnectionTest({ kind, mailboxId, settings }: { kind: 'imap' | 'smtp'; mailboxId?: string; settings: unknown }) {
  const [testing, setTesting] = useState(false);
  const [result, setResult] = useState<TestResult | null>(null);

  async function test() {
    setTesting(true);
    setResult(null);
    try {
      const answer = await api.post<TestResult>('/admin/mailboxes/test-connection', { kind, mailboxId, settings });
      setResult({ ok: answer.ok, message: answer.ok ? (answer.message ?? 'Connected.') : plainErrorMessage(answer.message ?? 'The connection failed.') });
    } catch (error) {
      setResult({ ok: false, message: plainErrorMessage(error instanceof ApiError ? error.message : String(error)) });
    } finally {
      setTesting(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-3">
      <Button size="sm" loading={testing} onClick={test}>
        Test connection
      </Button>
      {result && (
        <p role="status" className={result.ok ? 'text-sm font-medium text-emerald-700' : 'text-sm font-medium text-red-600'}>
          {result.ok ? '✓ ' : '✕ '}
          {result.message}
        </p>
      )}
    </div>
  );
}
